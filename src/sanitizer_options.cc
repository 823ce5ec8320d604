// Default sanitizer options of a checking build (ECTL_SANITIZE, see src/README.md); linked
// only into sanitized binaries. ASAN_OPTIONS / UBSAN_OPTIONS in the environment override
// them.
//
// ECTL_SANITIZER_LOG, when defined (ectl itself), is a path prefix: reports are written to
// <prefix>.<pid> instead of stderr, so that a report from an ectl that an integration test
// ran is found by scripts/test.sh even where the test does not compare stderr.

#ifdef ECTL_SANITIZER_LOG
#define ECTL_LOG_OPTION ":log_path=" ECTL_SANITIZER_LOG
#else
#define ECTL_LOG_OPTION ""
#endif

extern "C" {

// Leak checking is off for ectl (it leaves with _exit, so LeakSanitizer would never run)
// and on for the unit tests and fuzz targets, which exit normally; see src/README.md.
const char* __asan_default_options() {  // NOLINT(readability-identifier-naming)
  return "check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1"
         ":strict_string_checks=1:print_suppressions=0" ECTL_LOG_OPTION;
}

const char* __ubsan_default_options() {  // NOLINT(readability-identifier-naming)
  return "print_stacktrace=1:halt_on_error=1" ECTL_LOG_OPTION;
}

}  // extern "C"
