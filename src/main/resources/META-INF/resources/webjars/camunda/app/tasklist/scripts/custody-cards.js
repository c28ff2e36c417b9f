// Tasklist card plugin: under each task's name, the person it is about (name, case number, age) and the task's
// clock (due in / overdue by), overdue ones marked. Reads GET /api/tasks/{id}/card with the Tasklist session; the
// server answers only for tasks the signed-in user may see. The clock's amount is written by Tasklist's own moment.js,
// the one that writes Tasklist's "Due in ..." beside it, from the same due time and the same browser clock, so the two
// lines never disagree; the server's words (the same rounding, see RelativeTime.java) are the fallback.
function element(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  (children || []).forEach(child => node.append(child));
  return node;
}

function tasklistMoment() {
  try {
    const injector = window.angular && window.angular.element(document.querySelector('.ng-scope') || document.body).injector();
    return injector && injector.has('moment') ? injector.get('moment') : null;
  } catch (e) {
    return null;
  }
}

function clockWords(card) {
  const moment = tasklistMoment();
  if (!card.due || !moment) {
    return card.clock;
  }
  const due = moment(card.due);
  const amount = due.from(moment(), true);
  return due.isBefore(moment()) ? 'overdue by ' + amount : 'due in ' + amount;
}

function keepClockCurrent(span, card) {
  const timer = setInterval(() => {
    if (!span.isConnected) {
      clearInterval(timer);
      return;
    }
    span.textContent = clockWords(card);
  }, 30000);
}

const style = `
.custody-card { font-size: 12px; margin-top: 2px; }
.custody-card-person { font-weight: bold; }
.custody-card-overdue { color: #b5152b; font-weight: bold; }
.custody-card-urgency { font-style: italic; }
.custody-card-earlier { color: #8a4b00; }
`;

export default [{
  id: 'custody.task.card',
  pluginPoint: 'tasklist.card',
  priority: 10,
  render: (node, { taskId }) => {
    if (!document.getElementById('custody-card-style')) {
      document.head.append(element('style', { id: 'custody-card-style' }, [style]));
    }
    fetch('/api/tasks/' + encodeURIComponent(taskId) + '/card',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => response.ok ? response.json() : null)
      .then(card => {
        node.innerHTML = '';
        if (!card) {
          return;
        }
        const age = card.age === null ? 'age unknown' : 'age ' + card.age;
        const clock = element('span', { class: card.overdue ? 'custody-card-overdue' : 'custody-card-clock' }, [clockWords(card)]);
        keepClockCurrent(clock, card);
        node.append(element('div', { class: 'custody-card', 'data-case': card.caseNumber }, [
          element('span', { class: 'custody-card-person' }, [card.name]),
          ' · ' + card.caseNumber + ' · ' + age + ' · ',
          clock,
          ...(card.urgency ? [' · ', element('span', { class: 'custody-card-urgency' }, [card.urgency])] : []),
          ...(card.earlierEncounters ? [' · ', element('span', { class: 'custody-card-earlier' }, [card.earlierEncounters])] : [])
        ]));
      })
      .catch(() => { node.innerHTML = ''; });
  }
}];
