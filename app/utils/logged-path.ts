/**
 * A request's path as the logs may keep it. A calendar feed's address and an invitation's hold
 * their secret (whoever reads the log could read the feed or take the account), so that part is
 * masked in the server's log and the security log alike. An API token travels in the
 * Authorization header, never in a path; one pasted into a path by mistake is masked all the same.
 */
export function loggedPath(pathname: string) {
  return pathname.replace(/^\/(calendar|invite)\/[^/]+/, "/$1/…").replace(/kzd_[A-Za-z0-9_-]*/g, "kzd_…");
}
