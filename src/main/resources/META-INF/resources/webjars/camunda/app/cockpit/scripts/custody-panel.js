// Cockpit dashboard panel: everyone late now on any clock, people in CBP custody against the 72-hour limit,
// unaccompanied children awaiting transfer to HHS ORR, families in ICE custody and check-in compliance.
// Reads GET /api/reports/custody-now with the Cockpit session.
const REFRESH_MS = 60000;

function element(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  (children || []).forEach(child => node.append(child));
  return node;
}

function figure(id, label, value, alarm) {
  return element('div', { class: 'custody-figure' + (alarm ? ' custody-alarm' : '') }, [
    element('div', { class: 'custody-figure-value', id }, [String(value)]),
    element('div', { class: 'custody-figure-label' }, [label])
  ]);
}

function chart(bands) {
  const largest = Math.max(1, ...Object.values(bands));
  return element('table', { class: 'custody-chart', id: 'custody-hours-held' },
    Object.entries(bands).map(([band, count]) => element('tr', { class: 'custody-band' }, [
      element('th', {}, [band]),
      element('td', {}, [element('div', {
        class: 'custody-bar' + (band.endsWith('+ h') ? ' custody-alarm' : ''),
        style: 'width:' + Math.round(100 * count / largest) + '%'
      }, [])]),
      element('td', { class: 'custody-count' }, [String(count)])
    ])));
}

/** The running instance's view when the case has one at hand, else the Case page (which opens any case). */
function caseLink(caseNumber, processInstanceId) {
  return processInstanceId
    ? element('a', { href: '#/process-instance/' + processInstanceId + '/runtime' }, [caseNumber])
    : element('a', { href: '#/custody-case?case=' + encodeURIComponent(caseNumber), class: 'custody-case-open' },
      [caseNumber]);
}

function lateNow(late) {
  if (late.length === 0) {
    return element('p', { id: 'custody-late-now', class: 'custody-on-time' }, ['Nobody is late on any clock.']);
  }
  return element('table', { id: 'custody-late-now', class: 'custody-late' }, [
    element('tr', {}, ['Person', 'Case', 'Clock', 'Late by'].map(title => element('th', {}, [title]))),
    ...late.map(row => element('tr', { class: 'custody-alarm' }, [
      element('td', {}, [row.name]),
      element('td', {}, [caseLink(row.caseNumber, row.processInstanceId)]),
      element('td', {}, [row.clockWords]),
      element('td', {}, [row.hoursLate + ' h'])
    ]))
  ]);
}

function render(node, view) {
  node.innerHTML = '';
  const longest = element('ol', { class: 'custody-longest' }, view.longestHeld.map(held =>
    element('li', {}, [held.name + ' · ', caseLink(held.caseNumber, null), ' · ' + held.classification + ' · '
      + held.hoursInCustody + ' h'])));
  node.append(element('section', { id: 'custody-panel', class: 'custody-panel' }, [
    element('h3', {}, ['Late now (' + view.lateNow.length + ')']),
    lateNow(view.lateNow),
    element('h3', {}, ['CBP custody now']),
    element('div', { class: 'custody-figures' }, [
      figure('custody-in-custody', 'in CBP custody', view.inCbpCustody, false),
      figure('custody-past-limit', 'past the 72-hour limit', view.pastCustodyLimit, view.pastCustodyLimit > 0),
      figure('custody-near-limit', 'within 12 h of the limit', view.nearCustodyLimit, false),
      figure('custody-children-awaiting-orr', 'unaccompanied children awaiting ORR', view.unaccompaniedChildrenAwaitingOrrTransfer, false),
      figure('custody-ice-family-custody', 'in ICE family custody', view.inIceFamilyCustody, false),
      figure('custody-check-in-compliance', 'check-in compliance, 90 days',
        view.checkInComplianceLast90Days === null ? 'n/a' : Math.round(view.checkInComplianceLast90Days * 100) + '%',
        false)
    ]),
    element('h4', {}, ['People in custody by hours held']),
    chart(view.inCbpCustodyByHoursHeld),
    element('h4', {}, ['Held longest']),
    longest
  ]));
}

function load(node) {
  fetch('/api/reports/custody-now', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => response.ok ? response.json() : Promise.reject(new Error('HTTP ' + response.status)))
    .then(view => render(node, view))
    .catch(error => {
      node.innerHTML = '';
      node.append(element('p', { id: 'custody-panel-error', class: 'custody-alarm' },
        ['Custody figures unavailable: ' + error.message]));
    });
}

const style = `
.custody-panel { margin: 0 0 20px; }
.custody-figures { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 12px; }
.custody-figure { border: 1px solid #ccc; border-radius: 4px; padding: 8px 12px; min-width: 150px; }
.custody-figure-value { font-size: 24px; font-weight: bold; }
.custody-alarm { color: #b5152b; border-color: #b5152b; }
.custody-chart { width: 100%; max-width: 640px; }
.custody-chart th { width: 80px; font-weight: normal; }
.custody-bar { background: #3c85b5; height: 14px; min-width: 1px; }
.custody-bar.custody-alarm { background: #b5152b; }
.custody-count { width: 50px; text-align: right; }
.custody-late { width: 100%; max-width: 960px; margin-bottom: 16px; }
.custody-late th, .custody-late td { padding: 4px 8px; border-bottom: 1px solid #eee; text-align: left; }
.custody-late tr.custody-alarm td { font-weight: bold; }
.custody-on-time { color: #2b7a3d; }
`;

export default [{
  id: 'custody.dashboard.panel',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: node => {
    if (!document.getElementById('custody-panel-style')) {
      document.head.append(element('style', { id: 'custody-panel-style' }, [style]));
    }
    load(node);
    const timer = setInterval(() => load(node), REFRESH_MS);
    return () => clearInterval(timer);
  }
}];
