/**
 * A request's path as the logs may keep it. A calendar feed's address and an invitation's hold
 * their secret (whoever reads the log could read the feed or take the account), so that part is
 * masked in the server's log and the security log alike.
 */
export function loggedPath(pathname: string) {
  return pathname.replace(/^\/(calendar|invite)\/[^/]+/, "/$1/…");
}
