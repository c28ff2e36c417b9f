// Tasklist: what the server refuses in a completed form is shown under the field it is about, as the form's own
// checks are; a successful completion leaves no earlier error standing. The server names each problem by the
// field's label and key (problems: [{field, label, message}], TaskCompletionConflicts); Tasklist's notification says
// them too.
const COMPLETION = /\/task\/[^/]+\/(submit-form|complete)$/;
const SHOWN = 'custody-server-error';

function labelOf(field) {
  const label = field.querySelector('label.fjs-form-field-label');
  return label ? label.textContent.replace(/\*\s*$/, '').trim() : null;
}

function clearField(field) {
  field.querySelectorAll('.' + SHOWN).forEach(error => error.remove());
  field.classList.remove('fjs-has-errors');
}

function clearAll() {
  document.querySelectorAll('.fjs-form-field').forEach(field => {
    if (field.querySelector('.' + SHOWN)) {
      clearField(field);
    }
  });
}

/** The field the problem is about: by its label on this form, else by its key (the forms' ids read Field_{key}_n). */
function fieldOf(problem) {
  const fields = [...document.querySelectorAll('.fjs-form-field')];
  return fields.find(candidate => labelOf(candidate) === problem.label)
    || (problem.field && fields.find(candidate => candidate.querySelector('[id*="-Field_' + problem.field + '_"]')));
}

function show(problem) {
  const field = fieldOf(problem);
  if (!field) {
    return;
  }
  let error = field.querySelector('.' + SHOWN);
  if (!error) {
    error = document.createElement('div');
    error.className = 'fjs-form-field-error ' + SHOWN;
    error.setAttribute('aria-live', 'polite');
    error.append(document.createElement('ul'));
    field.append(error);
    field.addEventListener('input', () => clearField(field), { once: true });
    field.addEventListener('click', () => clearField(field), { once: true });
  }
  const item = document.createElement('li');
  item.textContent = problem.message;
  error.firstChild.append(item);
  field.classList.add('fjs-has-errors');
}

/** Tasklist's error notifications, left from an earlier refusal of the same or another form. */
function clearErrorNotifications() {
  const angular = window.angular;
  const injector = angular && angular.element(document.body).injector();
  if (!injector || !injector.has('Notifications')) {
    return;
  }
  const notifications = injector.get('Notifications');
  notifications.notifications.filter(shown => shown.type === 'danger' || shown.type === 'error')
    .forEach(shown => notifications.clear(shown));
  injector.get('$rootScope').$evalAsync();
}

function answered(request) {
  if (request.status >= 200 && request.status < 300) {
    clearAll();
    clearErrorNotifications();
  } else if (request.status === 400) {
    try {
      (JSON.parse(request.responseText).problems || []).forEach(show);
    } catch (notJson) {
      // Tasklist's notification shows the answer as it is.
    }
  }
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.custodyCompletion = method && method.toUpperCase() === 'POST' && COMPLETION.test(String(url).split('?')[0]);
  return open.call(this, method, url, ...rest);
};
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function (...body) {
  if (this.custodyCompletion) {
    clearAll();
    this.addEventListener('loadend', () => answered(this));
  }
  return send.apply(this, body);
};

export default [];
