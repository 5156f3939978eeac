// The dev mailbox's reader, for the demo's /dev/mail pages (never served in production: the
// composition root hands out no mail folder there).
export { listDevMail, readDevMail } from "@digistore/mail";
