// Cockpit's Reports page (#/custody-reports, "Reports" in the header; Cockpit's own #/reports lists the
// reports of its enterprise edition): the figures the Inspector General measured for a date range,
// in a table by sector, station or month, with charts of address capture and check-in compliance by month, hours in
// custody and breaches by clock and station, and the table as CSV. Reads GET /api/reports/custody-metrics with the
// Cockpit session; charts are drawn by Apache ECharts (its webjar) as SVG.
const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
const METRICS = '/api/reports/custody-metrics';

/** The legal clocks in words, as the report's breaches are counted by their codes. */
const CLOCKS = {
  CBP_HOLDING_LIMIT: 'CBP 72-hour holding limit',
  HHS_NOTIFICATION: 'HHS notified within 48 hours',
  CONTIGUOUS_COUNTRY_SCREENING: 'Screening within 48 hours',
  ORR_TRANSFER: 'Transfer to ORR within 72 hours',
  FLORES_FAMILY_CUSTODY: 'Flores limit in family custody',
  CHECK_IN: 'ICE check-in within 60 days'
};
/** Why a deadline was missed, as the supervisor's follow-up records it (the closed list's words). */
const CAUSES = {
  TRANSPORT_NOT_AVAILABLE: 'Transport not available',
  RECEIVING_FACILITY_FULL: 'Receiving facility had no space',
  AWAITING_ORR_PLACEMENT: 'Awaiting ORR placement',
  AWAITING_ICE_ACCEPTANCE: 'Awaiting ICE acceptance',
  MEDICAL_CARE: 'Medical care',
  PROCESSING_BACKLOG: 'Processing backlog',
  PARTNER_SYSTEM_UNAVAILABLE: 'Partner agency system unavailable',
  INTERPRETER_NOT_AVAILABLE: 'Interpreter not available',
  OTHER: 'Other',
  NOT_YET_EXPLAINED: 'Not yet explained by the supervisor'
};
const BREACHES_LISTED = 20;
const GROUPINGS = { sector: 'Sector', station: 'Station', month: 'Month' };
/** The Southwest border's Border Patrol sectors, by the codes cases carry. */
const SECTORS = {
  SDC: 'San Diego', ELC: 'El Centro', YUM: 'Yuma', TCA: 'Tucson', EPT: 'El Paso', BBT: 'Big Bend', DRT: 'Del Rio',
  LRT: 'Laredo', RGV: 'Rio Grande Valley'
};
/** Station names by code, from the facilities of the reference list (GET /api/facilities). */
const stationNames = {};
const COLUMNS = [
  ['apprehended', 'Apprehended'],
  ['released', 'Released'],
  ['releasedWithVerifiedAddress', 'Released with a valid address'],
  ['releasedWithAddressNotValid', 'Address not valid'],
  ['releasedWithoutAddress', 'No address'],
  ['addressCaptureRate', 'Address capture', 'rate'],
  ['checkInsDue', 'Check-ins due'],
  ['checkInsOnTime', 'On time'],
  ['checkInsLate', 'Late'],
  ['checkInsMissed', 'Missed'],
  ['checkInComplianceRate', 'Check-in compliance', 'rate'],
  ['custodyLimitBreaches', 'Deadlines missed'],
  ['custodyEnded', 'Custody ended'],
  ['medianHoursInCustody', 'Median hours held', 'hours'],
  ['p95HoursInCustody', '95% held under (hours)', 'hours'],
  ['maxHoursInCustody', 'Longest held (hours)', 'hours'],
  ['familyStatusUndetermined', 'Family status undetermined']
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

function element(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  (children || []).forEach(child => node.append(child));
  return node;
}

function shown(value, kind) {
  if (value === null || value === undefined) {
    return kind === 'rate' ? 'nothing to measure' : 'none';
  }
  if (kind === 'rate') {
    return (Math.round(value * 1000) / 10) + '%';
  }
  return kind === 'hours' ? value.toFixed(1) : value.toLocaleString('en-US');
}

function monthWords(month) {
  const [year, number] = month.split('-');
  return MONTHS[Number(number) - 1] + ' ' + year;
}

function sectorWords(code) {
  return SECTORS[code] ? SECTORS[code] + ' sector' : 'Sector ' + code;
}

function stationWords(row) {
  return sectorWords(row.sector) + ' · ' + (stationNames[row.station] || 'station ' + row.station);
}

function groupWords(row, by) {
  if (by === 'month') {
    return monthWords(row.month);
  }
  return by === 'station' ? stationWords(row) : sectorWords(row.sector);
}

function loadStationNames() {
  return read('/api/facilities?kind=CBP_HOLDING').then(list => list.facilities.forEach(facility => {
    stationNames[facility.code] = facility.name;
  })).catch(() => undefined);
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** The first and last day of the range shown at first: the twelve months up to today. */
function defaultRange() {
  const today = new Date();
  const from = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth() + 1, 1));
  return { from: isoDay(from), to: isoDay(today) };
}

function query(range, by) {
  return METRICS + '?from=' + encodeURIComponent(range.from) + '&to=' + encodeURIComponent(range.to)
    + (by ? '&by=' + encodeURIComponent(by) : '');
}

class Refused extends Error {
  constructor(problem) {
    const detail = problem.detail || problem.title || 'The report could not be made';
    // The detail names its field first ("to: is before …"); under the field, the words after it are enough.
    super(problem.field && detail.startsWith(problem.field + ': ') ? detail.slice(problem.field.length + 2) : detail);
    this.field = problem.field;
  }
}

function read(path, accept) {
  return fetch(path, { credentials: 'same-origin', headers: { Accept: accept || 'application/json' } })
    .then(response => {
      if (response.ok) {
        return accept === 'text/csv' ? response.blob().then(blob => ({ blob, response })) : response.json();
      }
      return response.json().catch(() => ({ detail: 'The report could not be made (HTTP ' + response.status + ')' }))
        .then(problem => Promise.reject(new Refused(problem)));
    });
}

function table(report, by) {
  const head = element('tr', {}, [element('th', {}, [GROUPINGS[by]]),
    ...COLUMNS.map(([, words]) => element('th', {}, [words]))]);
  const rows = report.rows.map(row => element('tr', { class: 'custody-report-row' }, [
    element('th', { scope: 'row' }, [groupWords(row, by)]),
    ...COLUMNS.map(([name, , kind]) => element('td', {}, [shown(row[name], kind)]))]));
  const total = element('tr', { class: 'custody-report-total' }, [element('th', { scope: 'row' }, ['Total']),
    ...COLUMNS.map(([name, , kind]) => element('td', {}, [shown(report.total[name], kind)]))]);
  return element('table', { id: 'custody-report-table', class: 'custody-report-table' },
    [element('thead', {}, [head]), element('tbody', {}, rows.length ? [...rows, total] : [total])]);
}

function chartBox(id, title, note) {
  return element('figure', { class: 'custody-report-chart' }, [
    element('figcaption', {}, [title]),
    element('div', { id, class: 'custody-report-chart-area', role: 'img', 'aria-label': title }, []),
    element('p', { class: 'custody-report-chart-note' }, [note])
  ]);
}

function draw(echarts, node, option) {
  const chart = echarts.init(node, null, { renderer: 'svg' });
  chart.setOption(Object.assign({ animation: false, textStyle: { fontFamily: 'inherit' } }, option));
  return chart;
}

function percent(value) {
  return value === null ? null : Math.round(value * 1000) / 10;
}

function charts(echarts, page, byMonth, byStation) {
  const months = byMonth.rows.map(row => monthWords(row.month));
  draw(echarts, page.querySelector('#custody-report-compliance'), {
    tooltip: { trigger: 'axis', valueFormatter: value => value === null ? 'nothing to measure' : value + '%' },
    legend: { top: 0 },
    grid: { top: 40, left: 50, right: 20, bottom: 60 },
    xAxis: { type: 'category', data: months, axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: 'Address capture', type: 'line', connectNulls: false,
        data: byMonth.rows.map(row => percent(row.addressCaptureRate)) },
      { name: 'Check-in compliance', type: 'line', connectNulls: false,
        data: byMonth.rows.map(row => percent(row.checkInComplianceRate)) }
    ]
  });
  const bands = Object.entries(byMonth.total.hoursInCustodyDistribution);
  draw(echarts, page.querySelector('#custody-report-hours'), {
    tooltip: { trigger: 'axis' },
    grid: { top: 30, left: 60, right: 20, bottom: 60 },
    xAxis: { type: 'category', data: bands.map(([band]) => band + ' h'), name: 'hours held',
      nameLocation: 'middle', nameGap: 32, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: 'people' },
    series: [{ name: 'People', type: 'bar', data: bands.map(([band, people]) => ({
      value: people, itemStyle: { color: Number(band.split(/[-+]/)[0]) >= 72 ? '#b5152b' : '#3c85b5' }
    })) }]
  });
  const stations = byStation.rows.filter(row => row.custodyLimitBreaches > 0);
  const clocks = Object.keys(CLOCKS).filter(clock => stations.some(row => row.breachesByClock[clock] > 0));
  const breachNode = page.querySelector('#custody-report-breaches');
  if (stations.length === 0) {
    breachNode.append(element('p', { class: 'custody-report-empty' }, ['No deadline was missed in this period.']));
    return;
  }
  draw(echarts, breachNode, {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { top: 50, left: 50, right: 20, bottom: 90 },
    xAxis: { type: 'category', data: stations.map(row => stationNames[row.station] || 'station ' + row.station),
      axisLabel: { interval: 0, rotate: 20, width: 140, overflow: 'truncate' } },
    yAxis: { type: 'value', name: 'deadlines missed', minInterval: 1 },
    series: clocks.map(clock => ({ name: CLOCKS[clock], type: 'bar', stack: 'breaches',
      data: stations.map(row => row.breachesByClock[clock]) }))
  });
}

function summary(total) {
  const figure = (id, words, value) => element('div', { class: 'custody-figure' }, [
    element('div', { class: 'custody-figure-value', id }, [value]),
    element('div', { class: 'custody-figure-label' }, [words])]);
  return element('div', { class: 'custody-figures', id: 'custody-report-summary' }, [
    figure('custody-report-apprehended', 'apprehended', shown(total.apprehended)),
    figure('custody-report-released', 'released', shown(total.released)),
    figure('custody-report-address-capture', 'released with a valid address',
      shown(total.addressCaptureRate, 'rate')),
    figure('custody-report-not-valid', 'addresses not valid or missing',
      shown(total.releasedWithAddressNotValid + total.releasedWithoutAddress)),
    figure('custody-report-compliance-total', 'reported to ICE on time', shown(total.checkInComplianceRate, 'rate')),
    figure('custody-report-breach-total', 'legal deadlines missed', shown(total.custodyLimitBreaches)),
    figure('custody-report-median', 'median hours held, of custody that ended',
      shown(total.medianHoursInCustody, 'hours'))
  ]);
}

function breachSection(total, list) {
  const causes = Object.entries(total.breachesByCause).filter(([, count]) => count > 0);
  const byCause = causes.length === 0
    ? element('p', {}, ['No deadline with a follow-up was missed in this period.'])
    : element('table', { id: 'custody-report-causes', class: 'custody-report-table' }, [
      element('thead', {}, [element('tr', {}, [element('th', {}, ['Why the deadline was missed']),
        element('th', {}, ['Deadlines'])])]),
      element('tbody', {}, causes.map(([cause, count]) => element('tr', {}, [
        element('th', { scope: 'row' }, [CAUSES[cause] || cause]), element('td', {}, [shown(count)])])))]);
  const latest = element('table', { id: 'custody-report-breach-list', class: 'custody-report-table' }, [
    element('thead', {}, [element('tr', {}, ['Person', 'Case', 'Clock that ran out', 'When', 'Why', 'What was done']
      .map(words => element('th', {}, [words])))]),
    element('tbody', {}, list.breaches.map(breach => element('tr', {}, [
      element('td', {}, [breach.name]), element('td', {}, [breach.caseNumber]),
      element('td', {}, [breach.clockWords]), element('td', {}, [breach.dueAt.slice(0, 16).replace('T', ' ') + ' UTC']),
      element('td', {}, [breach.causeWords === null ? CAUSES.NOT_YET_EXPLAINED
        : breach.causeWords + (breach.causeDetails ? ': ' + breach.causeDetails : '')]),
      element('td', {}, [breach.actionTaken || '']) ])))]);
  return element('section', { id: 'custody-report-breach-causes' }, [
    element('h3', {}, ['Why deadlines were missed']), byCause,
    element('h4', {}, [list.total > list.breaches.length
      ? 'The latest ' + list.breaches.length + ' of ' + shown(list.total) + ' deadlines missed'
      : 'Every deadline missed (' + list.total + ')']), latest]);
}

function download(range, by, status) {
  status.textContent = 'Preparing the CSV…';
  read(query(range, by), 'text/csv').then(({ blob, response }) => {
    const disposition = response.headers.get('Content-Disposition') || '';
    const name = (disposition.match(/filename="([^"]+)"/) || [])[1] || 'custody-metrics.csv';
    const link = element('a', { href: URL.createObjectURL(blob), download: name }, []);
    document.body.append(link);
    link.click();
    link.remove();
    status.textContent = 'Downloaded ' + name + '.';
  }).catch(error => {
    status.textContent = error.message;
  });
}

function mount(node) {
  const range = defaultRange();
  const field = (id, words, input) => element('div', { class: 'custody-report-field' }, [
    element('label', { for: id }, [words]), input,
    element('div', { class: 'custody-report-error', id: id + '-error', role: 'alert' }, [])]);
  const from = element('input', { id: 'custody-report-from', type: 'date', value: range.from, required: '' }, []);
  const to = element('input', { id: 'custody-report-to', type: 'date', value: range.to, required: '' }, []);
  const by = element('select', { id: 'custody-report-by' }, Object.entries(GROUPINGS).map(([value, words]) =>
    element('option', { value }, [words])));
  const show = element('button', { type: 'submit', class: 'btn btn-primary', id: 'custody-report-show' }, ['Show']);
  const csv = element('button', { type: 'button', class: 'btn btn-default', id: 'custody-report-csv' },
    ['Download CSV']);
  const status = element('p', { id: 'custody-report-status', class: 'custody-report-status', role: 'status' }, []);
  const results = element('div', { id: 'custody-report-results' }, []);
  const form = element('form', { class: 'custody-report-form', novalidate: '' }, [
    field('custody-report-from', 'From (first day)', from), field('custody-report-to', 'To (last day)', to),
    field('custody-report-by', 'Rows by', by),
    element('div', { class: 'custody-report-actions' }, [show, csv])]);
  node.append(form, status, results);

  const chosen = () => ({ from: from.value, to: to.value });
  const clearErrors = () => node.querySelectorAll('.custody-report-error').forEach(error => {
    error.textContent = '';
  });
  const refused = error => {
    const under = error.field && node.querySelector('#custody-report-' + error.field + '-error');
    if (under) {
      under.textContent = error.message;
      status.textContent = 'Nothing shown: one field needs correcting.';
    } else {
      status.textContent = error.message;
    }
  };
  const load = () => {
    clearErrors();
    results.innerHTML = '';
    status.textContent = 'Counting…';
    const period = chosen();
    const breaches = '/api/reports/breaches?from=' + encodeURIComponent(period.from) + '&to='
      + encodeURIComponent(period.to) + '&limit=' + BREACHES_LISTED;
    Promise.all([read(query(period, by.value)), read(query(period, 'month')), read(query(period, 'station')),
      read(breaches), import(ECHARTS), loadStationNames()])
      .then(([report, byMonth, byStation, breachList, echarts]) => {
        status.textContent = 'From ' + report.from + ' to ' + report.to + ', whole days (UTC). Hours in custody are'
          + ' over ' + report.total.hoursInCustodyOver + '.';
        results.append(summary(report.total), table(report, by.value),
          element('div', { class: 'custody-report-charts' }, [
            chartBox('custody-report-compliance', 'Address capture and check-in compliance by month',
              'Share of the people released in the month with a valid address, and of the check-ins due in it that'
              + ' were on time.'),
            chartBox('custody-report-hours', 'Hours in CBP custody',
              'People whose custody ended in the period, by hours held; past the 72-hour limit in red.'),
            chartBox('custody-report-breaches', 'Deadlines missed by clock and station',
              'Legal clocks that ran out in the period, at the station holding the person (its sector in the'
              + ' table).')]),
          breachSection(report.total, breachList));
        charts(echarts.default || echarts, results, byMonth, byStation);
      })
      .catch(error => error instanceof Refused ? refused(error) : (status.textContent = error.message));
  };
  form.addEventListener('submit', event => {
    event.preventDefault();
    load();
  });
  csv.addEventListener('click', () => {
    clearErrors();
    download(chosen(), by.value, status);
  });
  load();
}

const style = `
.custody-reports-page { padding-bottom: 40px; background: #fff; }
.custody-report-form { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; margin-bottom: 8px; }
.custody-report-field label { display: block; font-weight: bold; }
.custody-report-field input, .custody-report-field select { height: 32px; }
.custody-report-error { color: #b5152b; min-height: 18px; max-width: 320px; }
.custody-report-actions { padding-top: 20px; display: flex; gap: 8px; }
.custody-figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.custody-figure { border: 1px solid #ccc; border-radius: 4px; padding: 8px 12px; min-width: 150px; }
.custody-figure-value { font-size: 24px; font-weight: bold; }
.custody-report-table { border-collapse: collapse; margin: 12px 0 24px; font-size: 13px; }
.custody-report-table th, .custody-report-table td { border-bottom: 1px solid #eee; padding: 4px 8px; text-align: right; }
.custody-report-table th[scope=row], .custody-report-table thead th:first-child { text-align: left; }
.custody-report-table thead th { vertical-align: bottom; max-width: 110px; }
.custody-report-total th, .custody-report-total td { font-weight: bold; border-top: 2px solid #999; }
#custody-report-breach-list th, #custody-report-breach-list td { text-align: left; }
.custody-report-charts { display: flex; flex-wrap: wrap; gap: 24px; }
.custody-report-chart { width: 560px; margin: 0; }
.custody-report-chart figcaption { font-weight: bold; font-size: 15px; }
.custody-report-chart-area { width: 560px; height: 320px; }
.custody-report-chart-note, .custody-report-status { color: #555; }
`;

export default [{
  id: 'custody.reports.route',
  pluginPoint: 'cockpit.route',
  properties: { path: '/custody-reports', label: 'Reports' },
  render: node => {
    if (!document.getElementById('custody-reports-style')) {
      document.head.append(element('style', { id: 'custody-reports-style' }, [style]));
    }
    const page = element('section', { id: 'custody-reports-page', class: 'custody-reports-page container-fluid' },
      [element('h2', {}, ['Reports: what the Inspector General measured'])]);
    mount(page);
    node.append(page);
  }
}, {
  id: 'custody.reports.navigation',
  pluginPoint: 'cockpit.navigation',
  priority: 4,
  properties: { path: '/custody-reports', label: 'Reports', pagePath: '#/custody-reports',
    checkActive: path => path.includes('#/custody-reports') }
}];
