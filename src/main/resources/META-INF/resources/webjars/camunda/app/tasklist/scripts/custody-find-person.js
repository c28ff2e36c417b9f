// Tasklist header action "Find a person": a panel over the task list with the people search and the person's page.
// The same panel shows the family of a case when a form's "Family" link (#custody-family/{caseNumber}) is followed.
import { mountPeopleSearch, peopleStyle, renderFamily } from './custody-people.js';

const FAMILY_LINK = 'a[href^="#custody-family/"]';

const style = peopleStyle + `
.custody-find-person-panel { position: fixed; top: 60px; left: 5%; width: 90%; max-height: 85vh; overflow: auto;
  z-index: 1050; background: #fff; border: 1px solid #ccc; box-shadow: 0 4px 16px rgba(0,0,0,.3); padding: 12px 16px; }
.custody-find-person-panel[hidden] { display: none; }
.custody-find-person-close { float: right; }
`;

function element(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  (children || []).forEach(child => node.append(child));
  return node;
}

export default [{
  id: 'custody.findPerson',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: node => {
    if (!document.getElementById('custody-people-style')) {
      document.head.append(element('style', { id: 'custody-people-style' }, [style]));
    }
    const panel = element('div', { id: 'custody-find-person', class: 'custody-find-person-panel', hidden: '' }, []);
    const close = element('button', { type: 'button', class: 'btn btn-default custody-find-person-close' }, ['Close']);
    close.addEventListener('click', () => panel.setAttribute('hidden', ''));
    panel.append(close, element('h3', {}, ['Find a person']));
    mountPeopleSearch(panel);
    const family = element('div', { class: 'custody-find-person-family' }, []);
    panel.append(family);
    document.body.append(panel);
    // Before Tasklist's router sees the link: the family opens in the panel, the task stays open below it.
    document.addEventListener('click', event => {
      const link = event.target.closest && event.target.closest(FAMILY_LINK);
      if (!link) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      panel.removeAttribute('hidden');
      renderFamily(family, decodeURIComponent(link.getAttribute('href').substring('#custody-family/'.length)),
        () => { family.innerHTML = ''; });
      family.scrollIntoView();
    }, true);
    const open = element('a', { href: '', id: 'custody-find-person-open', title: 'Find a person by name,'
      + ' date of birth, A-number, FIN, document, case or event number' }, ['Find a person']);
    open.addEventListener('click', event => {
      event.preventDefault();
      panel.removeAttribute('hidden');
      panel.querySelector('.custody-people-text').focus();
    });
    node.append(open);
  }
}];
