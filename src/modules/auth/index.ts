/** What other modules use of the auth module: roles, users. */
export { ROLES, ROLE_LABELS, type Role, type User } from "./roles.ts";
export { createUser, findUserById } from "./service.ts";
export { listUsers } from "./service.ts";
