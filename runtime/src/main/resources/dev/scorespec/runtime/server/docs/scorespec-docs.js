// Starts Swagger UI on the service's OpenAPI 3.1 document. It lives in its own file, not in the page,
// so that the page's Content-Security-Policy can forbid inline scripts.
(function () {
  'use strict';

  // Relative to .../docs/, so the page works under any path prefix.
  var specUrl = new URL('../swagger.json?version=3.1', document.baseURI).href;
  var form = document.getElementById('scorespec-key');
  var keyInput = document.getElementById('scorespec-key-input');
  var problem = document.getElementById('scorespec-key-problem');

  function probe(key) {
    var headers = key ? { Authorization: 'Bearer ' + key } : {};
    return fetch(specUrl, { method: 'HEAD', headers: headers, cache: 'no-store' });
  }

  function start(key) {
    form.hidden = true;
    window.ui = SwaggerUIBundle({
      url: specUrl,
      dom_id: '#swagger-ui',
      deepLinking: true,
      layout: 'BaseLayout',
      presets: [SwaggerUIBundle.presets.apis],
      // Swagger UI would show a badge from an online validator; this page contacts only its own service.
      validatorUrl: null,
      // The document itself is behind the key too.
      requestInterceptor: function (request) {
        if (key && request.url === specUrl) {
          request.headers.Authorization = 'Bearer ' + key;
        }
        return request;
      },
      // Authorize is filled in, so that "Try it out" sends the key.
      onComplete: function () {
        if (key) {
          window.ui.preauthorizeApiKey('Bearer', 'Bearer ' + key);
        }
      }
    });
  }

  function askForKey(message) {
    problem.textContent = message;
    form.hidden = false;
    keyInput.focus();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var key = keyInput.value.trim().replace(/^bearer\s+/i, '');
    probe(key).then(function (response) {
      if (response.status === 401) {
        askForKey('The key is not valid.');
      } else {
        start(key);
      }
    }, function (error) {
      askForKey('The service cannot be reached: ' + error);
    });
  });

  probe(null).then(function (response) {
    if (response.status === 401) {
      askForKey('');
    } else {
      start(null);
    }
  }, function () {
    start(null); // Swagger UI then says why the document cannot be loaded
  });
})();
