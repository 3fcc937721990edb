// Starts yaml-language-server over stdio with its fixed 200 ms validation delay set to 0, so that the benchmark times its validation, not its timer.
const { SettingsState } = require('yaml-language-server/out/server/src/yamlSettings.js');

Object.defineProperty(SettingsState.prototype, 'validationDelayMs', {
  get() {
    return 0;
  },
  set() {
    // The constructor's 200 ms is ignored.
  },
  configurable: true,
});
process.env.YAML_LANGUAGE_SERVER_VERSION = require('yaml-language-server/package.json').version;
require('yaml-language-server/out/server/src/server.js');
