// Cockpit configuration of the border custody workflow: the custody panel on the dashboard and the case tab on
// every process instance, and the People page (find a person).
export default {
  customScripts: ['scripts/custody-panel.js', 'scripts/custody-case-tab.js', 'scripts/custody-people-page.js']
};
