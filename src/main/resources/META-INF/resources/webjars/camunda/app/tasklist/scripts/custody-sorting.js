// Tasklist: lists sorted by due date, the most urgent clock first, unless the user chooses another order; the
// sort label above the list then says what the list is sorted by. Tasklist itself falls back to the creation date
// when the address names no sorting; the shared filters keep no order of their own (TasklistFilters).
const BY_DUE_DATE = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

/** The address with the due-date sorting added, or null when it names a sorting (or is not a list's). */
function withDueDateSorting() {
  const hash = window.location.hash || '#/';
  const at = hash.indexOf('?');
  const path = at < 0 ? hash : hash.substring(0, at);
  const params = new URLSearchParams(at < 0 ? '' : hash.substring(at + 1));
  if (params.has('sorting') || !path.startsWith('#/') || path.startsWith('#/login')) {
    return null;
  }
  params.set('sorting', BY_DUE_DATE);
  return path + '?' + params.toString();
}

function sortedByDueDateUnlessChosen() {
  const address = withDueDateSorting();
  if (address) {
    window.history.replaceState(window.history.state, '', address);
  }
}

// Before Tasklist starts: the address it reads first.
sortedByDueDateUnlessChosen();
// A link followed later (a task's address, a bookmark): before Tasklist reads the new address (capturing listeners
// of the window run before Tasklist's own; a followed link fires popstate, then hashchange).
window.addEventListener('popstate', sortedByDueDateUnlessChosen, true);
window.addEventListener('hashchange', sortedByDueDateUnlessChosen, true);

export default [];
