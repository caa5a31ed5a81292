// Reports readiness as soon as the page has loaded, as the app does after its first screen.
window.__TAURI_INTERNALS__.invoke('ready');
