// Cockpit tab on a process instance: the custody case it is for, where the person is now, the case's timeline and the
// person's family, from the case API with the Cockpit session (GET /api/process-instances/{id}/case, /api/cases/...).
// The same case is Cockpit's Case page (#/custody-case?case=...), which reads the case API only and so opens a case
// whose process instance has ended: Cockpit's community edition shows no history of a finished instance.
import { renderFamily } from '../../tasklist/scripts/custody-people.js';
const STATUS_WORDS = {
  IN_CBP_CUSTODY: 'in CBP custody',
  TRANSFERRED_TO_ICE: 'transferred to ICE',
  TRANSFERRED_TO_ORR: 'transferred to HHS ORR',
  RELEASED_AWAITING_CHECK_IN: 'released, check-in due',
  CHECK_IN_OVERDUE: 'released, check-in missed',
  CHECKED_IN: 'released and checked in',
  REMOVED: 'removed or returned',
  RE_ENCOUNTERED: 'released, then apprehended again'
};

function element(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  (children || []).forEach(child => node.append(child));
  return node;
}

// The header names this screen in the read log of the case.
function json(path) {
  return fetch(path, { credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Custody-Screen': 'cockpit-case-tab' } })
    .then(response => response.ok ? response.json() : Promise.reject(new Error('HTTP ' + response.status)));
}

function shown(instant) {
  return instant ? instant.replace('T', ' ').substring(0, 16) + ' UTC' : '';
}

function render(node, view, timeline) {
  node.innerHTML = '';
  const family = element('div', { id: 'custody-case-family' }, []);
  node.append(element('section', { id: 'custody-case', class: 'custody-case' }, [
    element('h3', { id: 'custody-case-person' }, [view.person.familyName + ', ' + view.person.givenNames + ' · case '
      + view.caseNumber + ': ' + (STATUS_WORDS[view.status] || view.status)]),
    element('p', { id: 'custody-case-earlier' }, [view.earlierEncounters.length === 0 ? 'No earlier encounter.'
      : 'Earlier encounters: ' + view.earlierEncounters.map(earlier => shown(earlier.apprehendedAt) + ' at '
        + earlier.station + ' (sector ' + earlier.sector + '), case ' + earlier.caseNumber + ': '
        + (STATUS_WORDS[earlier.status] || earlier.status) + (earlier.missedCheckIn ? ', missed a check-in' : ''))
        .join('; ')]),
    element('p', {}, ['Apprehended ' + shown(view.apprehendedAt) + '; 72-hour limit ' + shown(view.custodyDeadline)
      + (view.checkInDueBy ? '; check-in due by ' + shown(view.checkInDueBy) : '')]),
    family,
    element('h4', {}, ['Timeline']),
    element('table', { id: 'custody-case-timeline', class: 'table table-striped' }, [
      element('tr', {}, ['When', 'What', 'Who'].map(title => element('th', {}, [title]))),
      ...timeline.map(entry => element('tr', {}, [
        element('td', {}, [shown(entry.at || entry.occurredAt)]),
        element('td', {}, [entry.description]),
        element('td', {}, [entry.actor])
      ]))
    ])
  ]));
  renderFamily(family, view.caseNumber, null);
}

/** Shows the case in the node: the person and case number at the top, then the case, its family and timeline. */
export function showCase(node, caseNumber) {
  return Promise.all([json('/api/cases/' + encodeURIComponent(caseNumber)),
    json('/api/cases/' + encodeURIComponent(caseNumber) + '/timeline')])
    .then(([view, timeline]) => render(node, view, timeline))
    .catch(error => {
      node.innerHTML = '';
      node.append(element('p', { id: 'custody-case-error' }, ['The case cannot be shown: ' + error.message]));
    });
}

export default [{
  id: 'custody.processInstance.case',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 30,
  properties: { label: 'Case' },
  render: (node, { processInstanceId }) => {
    json('/api/process-instances/' + encodeURIComponent(processInstanceId) + '/case')
      .then(found => showCase(node, found.caseNumber))
      .catch(error => {
        node.innerHTML = '';
        node.append(element('p', { id: 'custody-case-error' }, ['The case cannot be shown: ' + error.message]));
      });
  }
}, {
  id: 'custody.case.route',
  pluginPoint: 'cockpit.route',
  properties: { path: '/custody-case', label: 'Case' },
  render: node => {
    const caseNumber = new URLSearchParams(window.location.hash.split('?')[1] || '').get('case');
    const page = element('section', { id: 'custody-case-page', class: 'container-fluid' }, []);
    node.append(page);
    if (!caseNumber) {
      page.append(element('p', { id: 'custody-case-error' }, ['No case chosen: open one from the People page.']));
      return;
    }
    showCase(page, caseNumber);
  }
}];
