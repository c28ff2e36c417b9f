// Tasklist: lists sorted by due date, the most urgent clock first, unless the user chooses another order; the
// sort label above the list then says what the list is sorted by. Tasklist itself falls back to the creation date
// when the address names no sorting; the shared filters keep no order of their own (TasklistFilters).
const BY_DUE_DATE = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function sortedByDueDateUnlessChosen() {
  const hash = window.location.hash || '#/';
  const at = hash.indexOf('?');
  const path = at < 0 ? hash : hash.substring(0, at);
  const params = new URLSearchParams(at < 0 ? '' : hash.substring(at + 1));
  if (params.has('sorting') || !path.startsWith('#/') || path.startsWith('#/login')) {
    return;
  }
  params.set('sorting', BY_DUE_DATE);
  window.history.replaceState(window.history.state, '', path + '?' + params.toString());
}

sortedByDueDateUnlessChosen();
window.addEventListener('hashchange', sortedByDueDateUnlessChosen);

export default [];
