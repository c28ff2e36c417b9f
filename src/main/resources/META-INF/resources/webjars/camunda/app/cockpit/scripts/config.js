// Cockpit configuration of the border custody workflow: adds the custody panel to the dashboard.
export default {
  customScripts: ['scripts/custody-panel.js']
};
