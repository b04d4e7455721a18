// Runs before the app, in any browser that runs scripts (ES5, so that old browsers can read
// it). Instead of a page that waits forever, a message in Chinese when the app cannot start (a
// browser too old for it, a file that did not load) or stops (an internal error). Records are
// saved in the browser at every change, so they are kept either way.
(function () {
  var OLD = '本浏览器版本过旧，无法使用本页面。请使用较新版本的 Chrome、Edge、Firefox 或 360 浏览器（极速模式）打开。';
  var LOAD = '页面文件未能完整加载，无法显示。请刷新页面重试；如仍不能显示，请联系系统管理员。';
  var CRASH = '页面出现内部错误，已停止响应。已保存的记录不会丢失，请刷新页面后继续。';
  var START = '页面启动时出现内部错误，无法显示。已保存的记录不会丢失，请刷新页面重试；如仍不能显示，请联系系统管理员。';
  var shown = false;

  function show(text) {
    if (shown || !document.body) return;
    shown = true;
    var p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.appendChild(document.createTextNode(text));
    var boot = document.getElementById('boot');
    var loading = boot && boot.querySelector('.boot-notice');
    if (loading) {
      // Not started: in place of the loading notice.
      p.className = 'boot-notice boot-error';
      loading.parentNode.replaceChild(p, loading);
    } else {
      p.className = 'crash-banner no-print';
      document.body.insertBefore(p, document.body.firstChild);
    }
  }

  // The app removes #boot once it runs.
  function starting() {
    return !!document.getElementById('boot');
  }

  // A panic in the app stops the wasm with a trap.
  function trap(x) {
    return typeof WebAssembly === 'object' && x instanceof WebAssembly.RuntimeError;
  }

  // The browser refuses to compile the app's code: Chromium 92 does not know the CSP's
  // 'wasm-unsafe-eval', and so disallows WebAssembly. Too old, whatever it supports.
  function refused(x) {
    return typeof WebAssembly === 'object' && x instanceof WebAssembly.CompileError &&
      /disallowed/i.test(String(x.message));
  }

  // A file that did not load: an error event on its element, a fetch that failed, or code that
  // arrived incomplete.
  function unloaded(x, onElement) {
    return onElement || (x instanceof TypeError && /fetch/i.test(String(x.message))) ||
      (typeof WebAssembly === 'object' && x instanceof WebAssembly.CompileError);
  }

  // Any failure before the app runs stops it from starting; after, a trap stops it.
  function failed(error, onElement) {
    if (refused(error)) show(OLD);
    else if (starting()) show(unloaded(error, onElement) ? LOAD : START);
    else if (trap(error)) show(CRASH);
  }

  if (!window.addEventListener) return;
  // Capturing: a script or file that fails to load reports it on its element, not the window.
  window.addEventListener('error', function (e) {
    failed(e.error, !!(e.target && e.target !== window && e.target.tagName));
  }, true);
  window.addEventListener('unhandledrejection', function (e) { failed(e.reason, false); });
  document.addEventListener('DOMContentLoaded', function () {
    var modules = 'noModule' in document.createElement('script');
    if (!modules || typeof WebAssembly !== 'object') show(OLD);
  });
})();
