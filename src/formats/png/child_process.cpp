#include "formats/png/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace vanban::png {

namespace {

// A file descriptor, closed however the function leaves.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() { reset(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int* out() { return &fd_; }
  void reset() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

class FileActions {
 public:
  FileActions() { posix_spawn_file_actions_init(&actions_); }
  ~FileActions() { posix_spawn_file_actions_destroy(&actions_); }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

// Both ends close on exec: formats run on many threads, and a child that
// inherited another render's write end would keep that render's reader
// from ever seeing end of file. dup2 onto 0, 1, 2 clears the flag there.
bool make_pipe(Fd* read_end, Fd* write_end) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return false;
  *read_end->out() = fds[0];
  *write_end->out() = fds[1];
  return true;
}

std::string errno_text(const char* what, int error) {
  return std::string(what) + ": " + std::strerror(error);
}

}  // namespace

bool run_child(const std::vector<std::string>& argv, const std::string& input,
               ChildResult* result, std::string* why) {
  // Standard input is a socket, not a pipe, so that writing to a child
  // that exited early is an EPIPE error (MSG_NOSIGNAL), not a SIGPIPE
  // that would end the whole process.
  int sockets[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) != 0) {
    *why = errno_text("socketpair", errno);
    return false;
  }
  Fd in_child(sockets[0]), in_parent(sockets[1]);
  // Only our end: a send that would block must return, so that the loop
  // below can drain the child's output meanwhile.
  fcntl(in_parent.get(), F_SETFL, O_NONBLOCK);
  Fd out_read, out_write, err_read, err_write;
  if (!make_pipe(&out_read, &out_write) || !make_pipe(&err_read, &err_write)) {
    *why = errno_text("pipe", errno);
    return false;
  }
  FileActions actions;
  posix_spawn_file_actions_adddup2(actions.get(), in_child.get(), 0);
  posix_spawn_file_actions_adddup2(actions.get(), out_write.get(), 1);
  posix_spawn_file_actions_adddup2(actions.get(), err_write.get(), 2);
  std::vector<std::string> args = argv;
  std::vector<char*> pointers;
  for (std::string& a : args) pointers.push_back(a.data());
  pointers.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, pointers[0], actions.get(), nullptr, pointers.data(), environ);
  if (spawned != 0) {
    *why = errno_text(("cannot run " + argv[0]).c_str(), spawned);
    return false;
  }
  in_child.reset();
  out_write.reset();
  err_write.reset();

  // Feed and drain at once: a child may write before it has read all.
  std::size_t sent = 0;
  if (input.empty()) in_parent.reset();
  bool failed = false;
  while (!failed && (in_parent.get() >= 0 || out_read.get() >= 0 || err_read.get() >= 0)) {
    pollfd fds[3] = {{in_parent.get(), POLLOUT, 0}, {out_read.get(), POLLIN, 0}, {err_read.get(), POLLIN, 0}};
    if (poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      *why = errno_text("poll", errno);
      failed = true;
      break;
    }
    if (fds[0].revents) {
      const ssize_t n = send(in_parent.get(), input.data() + sent, input.size() - sent, MSG_NOSIGNAL);
      if (n > 0) sent += static_cast<std::size_t>(n);
      // EPIPE: the child stopped reading; its status will say why.
      if ((n < 0 && errno != EINTR && errno != EAGAIN) || sent == input.size()) in_parent.reset();
    }
    Fd* readers[2] = {&out_read, &err_read};
    std::string* sinks[2] = {&result->out, &result->err};
    for (int i = 0; i < 2; ++i) {
      if (!fds[i + 1].revents) continue;
      char buffer[65536];
      const ssize_t n = read(readers[i]->get(), buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        readers[i]->reset();
      }
    }
  }
  in_parent.reset();
  out_read.reset();
  err_read.reset();
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      *why = errno_text("waitpid", errno);
      return false;
    }
  }
  if (failed) return false;
  result->status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return true;
}

}  // namespace vanban::png
