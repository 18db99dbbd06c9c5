#include "input/session.h"

namespace vanban::input {

const Member* Session::head() const {
  for (const Member& m : members) {
    if (m.head) return &m;
  }
  return members.empty() ? nullptr : &members.front();
}

}  // namespace vanban::input
