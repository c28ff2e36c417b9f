// Cockpit's People page (#/people, in the header): the people search and the person's page for managers.
import { mountPeopleSearch, peopleStyle } from '../../tasklist/scripts/custody-people.js';

function element(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  (children || []).forEach(child => node.append(child));
  return node;
}

export default [{
  id: 'custody.people.route',
  pluginPoint: 'cockpit.route',
  properties: { path: '/people', label: 'People' },
  render: node => {
    if (!document.getElementById('custody-people-style')) {
      document.head.append(element('style', { id: 'custody-people-style' }, [peopleStyle]));
    }
    const page = element('section', { id: 'custody-people-page', class: 'custody-people-page container-fluid' },
      [element('h2', {}, ['Find a person'])]);
    // Each encounter opens its case on the Case page, which reads the case API: also a case whose process ended.
    mountPeopleSearch(page, {
      caseLink: caseNumber => element('a', { href: '#/custody-case?case=' + encodeURIComponent(caseNumber),
        class: 'custody-case-open', 'data-case': caseNumber }, ['Case'])
    });
    node.append(page);
  }
}, {
  id: 'custody.people.navigation',
  pluginPoint: 'cockpit.navigation',
  priority: 5,
  properties: { path: '/people', label: 'People', pagePath: '#/people', checkActive: path => path.includes('#/people') }
}];
