// Finding a person and the person's page, shared by Tasklist (a "Find a person" panel) and Cockpit (the People
// page): who the person is, their identifiers, every encounter with where the person is now, and the timeline across
// encounters, in words; and the family of an encounter (each member, where they are now, the separations). Reads
// GET /api/people, GET /api/people/{personId} and GET /api/cases/{caseNumber}/family with the web app's session; a
// supervisor may undo a wrong link of an encounter (POST /api/cases/{caseNumber}/person-link/undo).

const SEARCH_BY = [
  ['name', 'Name'],
  ['aNumber', 'A-number'],
  ['fin', 'FIN'],
  ['document', 'Document number'],
  ['number', 'Case or event number']
];

function element(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  (children || []).forEach(child => node.append(child));
  return node;
}

function shown(instant) {
  return instant ? instant.replace('T', ' ').substring(0, 16) + ' UTC' : '';
}

function problem(response) {
  return response.json().then(body => body.detail || body.title, () => 'HTTP ' + response.status)
    .then(detail => Promise.reject(new Error(detail)));
}

function get(path) {
  return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => response.ok ? response.json() : problem(response));
}

function post(path, body) {
  return fetch(path, {
    method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' }
  }).then(response => response.ok ? response.json() : problem(response));
}

function facts(person) {
  return [person.dateOfBirth ? 'born ' + person.dateOfBirth : 'date of birth unknown',
    person.countryName || person.countryOfCitizenship,
    person.aNumber || (person.identifiers && person.identifiers.aNumber) || 'no A-number'].join(' · ');
}

function encounterLine(encounter) {
  return shown(encounter.apprehendedAt) + ' at ' + encounter.station + ' (sector ' + encounter.sector + '), case '
    + encounter.caseNumber + ': ' + encounter.whereNow + (encounter.missedCheckIn ? '; missed a check-in' : '');
}

function identifierWords(identifiers) {
  const words = [];
  if (identifiers.aNumber) words.push('A-number ' + identifiers.aNumber);
  if (identifiers.fin) words.push('FIN ' + identifiers.fin);
  identifiers.documents.forEach(document => words.push(document.words));
  return words.length ? words.join(', ') : 'none recorded';
}

const RELATIONSHIP_WORDS = {
  CHILD: 'child',
  PARENT: 'parent',
  LEGAL_GUARDIAN: 'legal guardian',
  OTHER_RELATIVE: 'other relative',
  UNRELATED_ADULT: 'unrelated adult'
};

const STATUS_WORDS = {
  IN_CBP_CUSTODY: 'In CBP custody',
  TRANSFERRED_TO_ICE: 'Transferred to ICE',
  TRANSFERRED_TO_ORR: 'Transferred to HHS ORR',
  RELEASED_AWAITING_CHECK_IN: 'Released, check-in due',
  CHECK_IN_OVERDUE: 'Released, check-in missed',
  CHECKED_IN: 'Released and checked in',
  REMOVED: 'Removed or returned',
  RE_ENCOUNTERED: 'Released, then apprehended again'
};

function memberLine(member) {
  return [member.familyName + ', ' + member.givenNames,
    member.age === null || member.age === undefined ? null : 'age ' + member.age,
    RELATIONSHIP_WORDS[member.relationship] || null,
    'case ' + member.caseNumber].filter(part => part).join(' · ');
}

function whereWords(whereNow) {
  if (whereNow.facilityName && whereNow.agency !== 'CBP') {
    return whereNow.words + ': ' + whereNow.facilityName;
  }
  return whereNow.words || '';
}

function separationLine(separation, members) {
  const name = caseNumber => {
    const member = members.find(candidate => candidate.caseNumber === caseNumber);
    return member ? member.familyName + ', ' + member.givenNames + ' (case ' + caseNumber + ')' : 'case ' + caseNumber;
  };
  return shown(separation.at) + ': ' + name(separation.caseNumbers[0]) + ' separated from '
    + name(separation.caseNumbers[1]) + ' by ' + separation.decidedBy + ', because ' + separation.reasonWords + ': '
    + separation.note + (separation.reunifiedAt ? '; reunified ' + shown(separation.reunifiedAt) + ' by '
    + separation.reunifiedBy : '; still apart');
}

/** Shows the family of the case in the node: each member and where they are now, then the separations. */
export function renderFamily(node, caseNumber, back) {
  node.innerHTML = '';
  node.append(element('p', {}, ['Loading…']));
  get('/api/cases/' + encodeURIComponent(caseNumber) + '/family').then(family => {
    node.innerHTML = '';
    const parts = [];
    if (back) {
      const backLink = element('a', { href: '', class: 'custody-people-back' }, ['Back']);
      backLink.addEventListener('click', event => { event.preventDefault(); back(); });
      parts.push(backLink);
    }
    parts.push(element('h3', { class: 'custody-family-title' }, ['Family of case ' + family.caseNumber]));
    parts.push(element('table', { class: 'table table-striped custody-family-members' }, [
      element('tr', {}, ['Person', 'Status', 'Where now'].map(title => element('th', {}, [title]))),
      ...family.members.map(member => element('tr', { 'data-case': member.caseNumber }, [
        element('td', { class: 'custody-family-member' }, [memberLine(member)]),
        element('td', {}, [member.status ? STATUS_WORDS[member.status] || member.status : '']),
        element('td', { class: 'custody-family-where' }, [whereWords(member.whereNow)])
      ]))
    ]));
    parts.push(element('h4', {}, ['Separations']));
    parts.push(family.separations.length === 0
      ? element('p', { class: 'custody-family-no-separation' }, ['None: the family has not been separated.'])
      : element('ol', { class: 'custody-family-separations' }, family.separations.map(separation =>
        element('li', {}, [separationLine(separation, family.members)]))));
    node.append(element('section', { id: 'custody-family', class: 'custody-family' }, parts));
  }).catch(error => {
    node.innerHTML = '';
    node.append(element('p', { class: 'custody-people-message' }, ['The family cannot be shown: ' + error.message]));
  });
}

function familyLink(caseNumber, node, back) {
  const link = element('a', { href: '', class: 'custody-family-open', 'data-case': caseNumber }, ['Family']);
  link.addEventListener('click', event => { event.preventDefault(); renderFamily(node, caseNumber, back); });
  return link;
}

function undoForm(encounter, reload) {
  const reason = element('input', { type: 'text', class: 'form-control custody-undo-reason', maxlength: '1000',
    'aria-label': 'Why this encounter is not this person' }, []);
  const message = element('p', { class: 'custody-people-message' }, []);
  const button = element('button', { type: 'button', class: 'btn btn-default custody-undo' }, ['Not this person']);
  button.addEventListener('click', () => post('/api/cases/' + encounter.caseNumber + '/person-link/undo',
    { reason: reason.value })
    .then(() => reload())
    .catch(error => { message.textContent = error.message; }));
  return element('div', { class: 'custody-undo-form' }, [
    element('label', {}, ['Why case ' + encounter.caseNumber + ' is not this person: ']), reason, button, message]);
}

function renderPerson(node, personId, back, options) {
  node.innerHTML = '';
  node.append(element('p', {}, ['Loading…']));
  const reload = () => renderPerson(node, personId, back, options);
  const caseLink = caseNumber => options && options.caseLink ? [' · ', options.caseLink(caseNumber)] : [];
  get('/api/people/' + encodeURIComponent(personId)).then(page => {
    node.innerHTML = '';
    const timeline = page.encounters
      .flatMap(item => item.timeline.map(entry => ({ entry, caseNumber: item.encounter.caseNumber })))
      .sort((a, b) => (a.entry.at < b.entry.at ? -1 : a.entry.at > b.entry.at ? 1 : 0));
    const backLink = element('a', { href: '', class: 'custody-people-back' }, ['Back to the search']);
    backLink.addEventListener('click', event => { event.preventDefault(); back(); });
    node.append(element('section', { id: 'custody-person', class: 'custody-person' }, [
      backLink,
      element('h3', { class: 'custody-person-name' }, [page.familyName + ', ' + page.givenNames]),
      element('p', { class: 'custody-person-facts' }, [facts(page) + ' · ' + (page.sex === 'F' ? 'female'
        : page.sex === 'M' ? 'male' : 'sex not recorded')]),
      element('p', { class: 'custody-person-identifiers' }, ['Identifiers: ' + identifierWords(page.identifiers)]),
      element('h4', {}, ['Encounters (' + page.encounters.length + ')']),
      element('ol', { class: 'custody-person-encounters' }, page.encounters.map(item => element('li', {}, [
        encounterLine(item.encounter), ' · ', familyLink(item.encounter.caseNumber, node, reload),
        ...caseLink(item.encounter.caseNumber),
        ...(page.canUndoLinks && item.linked ? [undoForm(item.encounter, reload)] : [])
      ]))),
      element('h4', {}, ['Timeline across encounters']),
      element('table', { class: 'table table-striped custody-person-timeline' }, [
        element('tr', {}, ['When', 'Case', 'What', 'Who'].map(title => element('th', {}, [title]))),
        ...timeline.map(({ entry, caseNumber }) => element('tr', {}, [
          element('td', {}, [shown(entry.at)]), element('td', {}, [caseNumber]),
          element('td', {}, [entry.description]), element('td', {}, [entry.actor])
        ]))
      ])
    ]));
  }).catch(error => {
    node.innerHTML = '';
    node.append(element('p', { class: 'custody-people-message' }, ['The person cannot be shown: ' + error.message]));
  });
}

/**
 * Mounts the search form and, below it, the results or a person's page; {@code options.caseLink(caseNumber)}, when
 * given, is a link to open each encounter's case (Cockpit's Case page).
 */
export function mountPeopleSearch(node, options) {
  const caseLink = caseNumber => options && options.caseLink ? [' · ', options.caseLink(caseNumber)] : [];
  const by = element('select', { class: 'form-control custody-people-by', 'aria-label': 'Search by' },
    SEARCH_BY.map(([value, label]) => element('option', { value }, [label])));
  const text = element('input', { type: 'search', class: 'form-control custody-people-text', maxlength: '100',
    placeholder: 'Name in any order, e.g. Juan Perez', 'aria-label': 'Search for' }, []);
  const born = element('input', { type: 'text', class: 'form-control custody-people-born', maxlength: '10',
    placeholder: 'Date of birth or year', 'aria-label': 'Date of birth or year' }, []);
  const find = element('button', { type: 'submit', class: 'btn btn-primary custody-people-find' }, ['Find']);
  const results = element('div', { class: 'custody-people-results' }, []);
  const form = element('form', { class: 'form-inline custody-people-form' }, [by, text, born, find]);
  let last = null;
  const showResults = found => {
    results.innerHTML = '';
    if (found.people.length === 0) {
      results.append(element('p', { class: 'custody-people-message' }, ['Nobody found.']));
      return;
    }
    results.append(element('ol', { class: 'custody-people-found' }, found.people.map(person => {
      const open = element('a', { href: '', class: 'custody-people-open' },
        [person.familyName + ', ' + person.givenNames]);
      open.addEventListener('click', event => {
        event.preventDefault();
        renderPerson(results, person.personId, () => showResults(last), options);
      });
      return element('li', {}, [open, ' · ' + facts(person),
        element('ul', {}, person.encounters.map(encounter => element('li', {}, [encounterLine(encounter), ' · ',
          familyLink(encounter.caseNumber, results, () => showResults(last)), ...caseLink(encounter.caseNumber)])))]);
    })));
  };
  form.addEventListener('submit', event => {
    event.preventDefault();
    const query = new URLSearchParams();
    if (text.value.trim()) query.set(by.value, text.value.trim());
    if (born.value.trim()) query.set('dateOfBirth', born.value.trim());
    get('/api/people?' + query).then(found => { last = found; showResults(found); }).catch(error => {
      results.innerHTML = '';
      results.append(element('p', { class: 'custody-people-message' }, [error.message]));
    });
  });
  node.append(element('div', { class: 'custody-people' }, [form, results]));
}

export const peopleStyle = `
.custody-people-form > * { margin: 0 6px 6px 0; }
.custody-people-found > li, .custody-person-encounters > li { margin-bottom: 6px; }
.custody-people-message { color: #b5152b; }
.custody-person-name { margin-top: 8px; }
.custody-person-timeline td:nth-child(-n+2) { white-space: nowrap; }
.custody-undo-form { margin: 4px 0 8px 0; }
.custody-family-members td:first-child { white-space: nowrap; }
.custody-undo-form input { display: inline-block; width: 40%; margin: 0 6px; }
`;
