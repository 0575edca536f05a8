/* Compiled as strict C99: the header must need nothing newer. */
#include <senbid/senbid.h>

int main(void) {
  senbid_solve_options so = SENBID_SOLVE_OPTIONS_INIT;
  senbid_parse_options po = SENBID_PARSE_OPTIONS_INIT;
  (void)po;
  return senbid_version_number() == SENBID_VERSION_NUMBER && so.version == 1 ? 0 : 1;
}
