// The C++ consumer of the installed library (pkg-config alone): the header
// compiles as C++ and the one-call entry links.
#include <senbid/senbid.h>

#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string req = "{\"command\": \"rank\", \"problem\": " + ss.str() + "}";
  char *out = nullptr;
  size_t len = 0;
  int outcome = -1;
  senbid_error *err = nullptr;
  if (senbid_call(&out, &len, &outcome, req.data(), req.size(), &err) != SENBID_OK) {
    std::cerr << senbid_code_name(senbid_error_code(err)) << " at " << senbid_error_path(err)
              << ": " << senbid_error_message(err) << "\n";
    senbid_error_free(err);
    return 4;
  }
  std::cout.write(out, static_cast<std::streamsize>(len));
  senbid_free(out);
  // A bad request: the error names the member of the request.
  std::string bad = "{\"command\": \"frobnicate\", \"problem\": {}}";
  int rc = senbid_call(&out, &len, &outcome, bad.data(), bad.size(), &err);
  bool ok = rc == SENBID_E_VALUE && std::strcmp(senbid_error_path(err), "request.command") == 0;
  senbid_error_free(err);
  return ok ? 0 : 5;
}
