// Symposium's small script: pages work without it; it only adds comfort.
"use strict";

// Move focus to the first invalid field after a form came back with errors,
// so keyboard and screen-reader users land where the problem is.
document.addEventListener("DOMContentLoaded", function () {
  var invalid = document.querySelector('[aria-invalid="true"]');
  if (invalid) {
    invalid.focus();
  }
});
