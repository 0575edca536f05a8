// Compiled as C++11: the header must be usable from C++.
#include <senbid/senbid.h>

int main() {
  senbid_solve_options so = SENBID_SOLVE_OPTIONS_INIT;
  senbid_problem *p = nullptr;
  senbid_problem_free(p);
  return so.version == SENBID_SOLVE_OPTIONS_VERSION ? 0 : 1;
}
