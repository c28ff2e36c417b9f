// Tasklist configuration of the border custody workflow: task cards that name the person and the task's clock,
// refusals shown under their fields, a "Find a person" search in the header, and the identity provider's login page
// in place of the app's own when signing in by OpenID Connect.
export default {
  customScripts: ['scripts/custody-sorting.js', 'scripts/custody-cards.js', 'scripts/custody-forms.js',
    'scripts/custody-find-person.js', 'scripts/custody-sign-in.js'],
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'claims the currently selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list' },
    focusList: { key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list' },
    focusForm: { key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form' },
    startProcess: { key: 'ctrl+alt+p', description: 'opens the start process modal dialog' }
  }
};
