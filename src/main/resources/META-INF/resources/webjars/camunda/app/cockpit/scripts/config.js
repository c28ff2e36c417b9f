// Cockpit configuration of the border custody workflow: the custody panel on the dashboard, the case tab on every
// process instance and the Case page of any case, finished ones too, the People page (find a person) and the
// Reports page (the Inspector General's figures); signing in by OpenID Connect, the identity provider's login page in
// place of the app's own.
export default {
  customScripts: ['scripts/custody-panel.js', 'scripts/custody-case-tab.js', 'scripts/custody-people-page.js',
    'scripts/custody-reports-page.js', 'scripts/custody-sign-in.js']
};
