// Signed in through the identity provider (custody.sign-in=oidc, the prod profile), the web app's own login form signs
// nobody in: when the app turns to it (after "Log out", or when the session ended), the page is loaded again, and the
// application sends the browser on to the provider's login page. With Camunda's own users (the demo) the form stays:
// the page itself then answers without sending the browser anywhere.
function toTheProvidersLoginWhenSignedOut() {
  if (!(window.location.hash || '').startsWith('#/login')) {
    return;
  }
  // Asked as a page (text/html), as the browser will: only a page is sent on to the provider's login.
  fetch(window.location.pathname, { headers: { Accept: 'text/html' }, redirect: 'manual', credentials: 'same-origin' })
    .then(response => {
      if (response.type === 'opaqueredirect') {
        window.location.replace(window.location.pathname);
      }
    });
}

window.addEventListener('hashchange', toTheProvidersLoginWhenSignedOut);
toTheProvidersLoginWhenSignedOut();

export default [];
