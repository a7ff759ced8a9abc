// The backup functions, for routes: a .server module, so they never reach the browser bundle.
export { listBackups, takeBackup } from "~db/backup";
