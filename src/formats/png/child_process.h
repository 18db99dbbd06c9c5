// Runs a program with bytes on its standard input and collects what it
// writes, without a shell: posix_spawnp with argv as given.
#ifndef VANBAN_FORMATS_PNG_CHILD_PROCESS_H_
#define VANBAN_FORMATS_PNG_CHILD_PROCESS_H_

#include <string>
#include <vector>

namespace vanban::png {

struct ChildResult {
  std::string out;  // its standard output
  std::string err;  // its standard error
  int status = -1;  // its exit status; -1 when it did not exit normally
};

// argv[0] is looked up on PATH. Returns false, with *why, when the program
// cannot be started or talked to; a program that ran and failed returns
// true with its status. Safe to call from several threads at once.
bool run_child(const std::vector<std::string>& argv, const std::string& input,
               ChildResult* result, std::string* why);

}  // namespace vanban::png

#endif  // VANBAN_FORMATS_PNG_CHILD_PROCESS_H_
