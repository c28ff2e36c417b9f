// Admin configuration of the border custody workflow: signing in by OpenID Connect, the identity provider's login
// page in place of the app's own.
export default {
  customScripts: ['scripts/custody-sign-in.js']
};
