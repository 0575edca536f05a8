'use strict';
// Finds and loads libsenbid and declares the one-call entry (no C struct
// is mirrored but senbid_progress, which the callback reads).
const path = require('node:path');
const koffi = require('koffi');

const SONAME = 'libsenbid.so.0';

function candidates() {
  if (process.env.SENBID_LIBRARY) return [process.env.SENBID_LIBRARY];
  const root = path.resolve(__dirname, '..', '..');
  return [SONAME, ...['build', 'build-release', 'builddir'].map((b) => path.join(root, b, 'lib', SONAME))];
}

function load() {
  const tried = [];
  for (const p of candidates()) {
    try {
      return koffi.load(p);
    } catch (e) {
      tried.push(`${p}: ${e.message}`);
    }
  }
  throw new Error('senbid: libsenbid not found; install it (meson install) or set SENBID_LIBRARY.\n  ' + tried.join('\n  '));
}

const lib = load();
const Progress = koffi.struct('senbid_progress', {
  version: 'uint32_t',
  reserved: 'uint32_t',
  phase: 'const char *',
  done: 'uint64_t',
  total: 'uint64_t',
  solver_calls: 'uint64_t',
  elapsed_seconds: 'double',
});
const ProgressFn = koffi.proto('int senbid_progress_fn(const senbid_progress *progress, void *payload)');

module.exports = {
  koffi,
  Progress,
  ProgressFnPtr: koffi.pointer(ProgressFn),
  call: lib.func('int senbid_call_with_progress(_Out_ void **out, _Out_ size_t *out_len, _Out_ int *outcome, ' +
    'const uint8_t *request, size_t request_len, senbid_progress_fn *progress, void *payload, _Out_ void **err)'),
  free: lib.func('void senbid_free(void *ptr)'),
  errorCode: lib.func('int senbid_error_code(void *err)'),
  errorPath: lib.func('const char *senbid_error_path(void *err)'),
  errorMessage: lib.func('const char *senbid_error_message(void *err)'),
  errorFree: lib.func('void senbid_error_free(void *err)'),
  codeName: lib.func('const char *senbid_code_name(int code)'),
  version: lib.func('const char *senbid_version(void)'),
};
