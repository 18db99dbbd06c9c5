// Bulk generation: one bad session among good ones, shards, re-runs that
// skip what is unchanged, killed runs, the manifest.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <set>

#include "testing.h"

using namespace testing;

namespace {

// A <sessions> file of `count` minimal sessions with ids bulk/NNN; the
// session numbered `bad` (if any) has an impossible date.
std::string sessions_file(int count, int bad = -1) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sessions>\n";
  for (int i = 0; i < count; ++i) {
    std::string session = session_element(minimal_session("bulk/" + std::to_string(1000 + i)));
    if (i == bad) session = replace_once(session, "2023-06-08", "2023-02-30");
    xml += session;
  }
  return xml + "</sessions>\n";
}

std::map<std::string, std::string> manifest_by_output(const std::string& text) {
  std::map<std::string, std::string> lines;
  for (const std::string& line : split_lines(text)) {
    std::size_t at = line.find("\"output\":\"");
    REQUIRE(at != std::string::npos);
    std::size_t end = line.find('"', at + 10);
    lines[line.substr(at + 10, end - at - 10)] = line;
  }
  return lines;
}

int count_of(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("bulk: one bad session is reported and skipped, the others are produced") {
  TempDir dir;
  const std::string input = dir / "all.xml";
  write_file(input, sessions_file(5, 2));
  Result r = run_vanban("render " + shell_quote(input) + " -t news -o " + shell_quote(dir / "out") + " -q -j 2");
  CHECK(r.status == 1);
  CHECK(contains(r.err, "all.xml:"));
  CHECK(contains(r.err, "2023-02-30"));
  std::vector<std::string> pdfs = pdfs_under(dir / "out");
  CHECK(pdfs.size() == 4);
  CHECK(!exists(dir / "out/bulk/1002/news.pdf"));
  CHECK(exists(dir / "out/bulk/1004/news.pdf"));
  CHECK(temporary_files(dir / "out").empty());

  std::map<std::string, std::string> manifest = manifest_by_output(read_file(dir / "out/manifest.jsonl"));
  REQUIRE(manifest.size() == 5);
  // The refused session is listed too, with its error.
  const std::string refused = manifest.at(dir / "out/bulk/1002/news.pdf");
  CHECK(contains(refused, "\"status\":\"failed\""));
  CHECK(contains(refused, "2023-02-30"));
  manifest.erase(dir / "out/bulk/1002/news.pdf");
  for (const auto& [output, line] : manifest) {
    CHECK(contains(line, "\"status\":\"ok\""));
    CHECK(contains(line, "\"pages\":1"));
    CHECK(contains(line, "\"document\":\"news\""));
  }
}

TEST_CASE("bulk: a session id given twice is refused where it repeats, naming the first") {
  TempDir dir;
  // bulk/1001 in a.xml and again in b.xml; the same folder named twice
  // (under two spellings) reads each file once.
  write_file(dir / "in/a.xml", sessions_file(3));
  write_file(dir / "in/b.xml", "<sessions>\n" + session_element(minimal_session("bulk/1001")) +
                                   session_element(minimal_session("bulk/2000")) + "</sessions>\n");
  Result r = run_vanban("render " + shell_quote(dir / "in") + " " + shell_quote(dir / "in/./") +
                        " -t news -o " + shell_quote(dir / "out") + " -q -j 2");
  CHECK(r.status == 1);
  const std::string a = dir / "in/a.xml", b = dir / "in/b.xml";
  CHECK(contains(r.err, b + ":"));
  CHECK(contains(r.err, "duplicate session id 'bulk/1001' (first at " + a + ":"));
  CHECK(count_of(r.err, "duplicate session id") == 1);
  CHECK(pdfs_under(dir / "out").size() == 4);  // 1000, 1001 (from a.xml), 1002, 2000
  const std::string manifest = read_file(dir / "out/manifest.jsonl");
  CHECK(count_of(manifest, "\"status\":\"ok\"") == 4);
}

TEST_CASE("bulk: the manifest's checksum and size are those of the PDF") {
  TempDir dir;
  write_file(dir / "one.xml", minimal_session("bulk/one"));
  REQUIRE(run_vanban("render " + shell_quote(dir / "one.xml") + " -t news -o " + shell_quote(dir / "out") + " -q").status == 0);
  const std::string pdf = dir / "out/bulk/one/news.pdf";
  Result sum = run("sha256sum " + shell_quote(pdf));
  std::string manifest = read_file(dir / "out/manifest.jsonl");
  CHECK(contains(manifest, "\"sha256\":\"" + sum.out.substr(0, 64) + "\""));
  CHECK(contains(manifest, "\"bytes\":" + std::to_string(read_file(pdf).size()) + ","));
  CHECK(contains(manifest, "\"line\":2,"));
}

TEST_CASE("bulk: two shards give the whole set, without overlap") {
  TempDir dir;
  const std::string input = dir / "all.xml";
  write_file(input, sessions_file(40));
  std::set<std::string> seen;
  std::size_t total = 0;
  for (int shard = 0; shard < 2; ++shard) {
    const std::string out = dir / ("shard" + std::to_string(shard));
    Result r = run_vanban("render " + shell_quote(input) + " -t news -q -o " + shell_quote(out) +
                          " --shard " + std::to_string(shard) + "/2");
    REQUIRE(r.status == 0);
    std::vector<std::string> pdfs = pdfs_under(out);
    CHECK(!pdfs.empty());
    CHECK(pdfs.size() < 40);  // a real split, not everything twice
    for (const std::string& p : pdfs) seen.insert(p);
    total += pdfs.size();
    CHECK(exists(out + "/manifest-" + std::to_string(shard) + "-of-2.jsonl"));
  }
  CHECK(total == 40);
  CHECK(seen.size() == 40);

  // --shard N takes the index from the scheduler's variable.
  Result k8s = run_vanban("check " + shell_quote(input) + " --shard 2", "JOB_COMPLETION_INDEX=1");
  Result slurm = run_vanban("check " + shell_quote(input) + " --shard 2", "SLURM_ARRAY_TASK_ID=1");
  CHECK(k8s.status == 0);
  CHECK(k8s.err == slurm.err);
  CHECK(run_vanban("check " + shell_quote(input) + " --shard 2").status == 2);
  CHECK(run_vanban("check " + shell_quote(input) + " --shard 2/2").status == 2);
}

TEST_CASE("bulk: a shard starting beside another leaves the other's files being written alone") {
  // The shards of a Slurm array start a moment apart into one folder; the
  // sweep of a killed run's temporaries once took a running shard's half-
  // written PDF away ("cannot write ...: No such file or directory").
  TempDir dir;
  const std::string input = dir / "all.xml";
  write_file(input, sessions_file(40));
  const std::string out = dir / "out";
  REQUIRE(run_vanban("render " + shell_quote(input) + " -t news -q -o " + shell_quote(out) + " --shard 1/2").status == 0);
  std::vector<std::string> shard1 = pdfs_under(out);
  REQUIRE(!shard1.empty());
  // What shard 1 would have in the folder while writing, and one of
  // shard 0's own, as a killed shard 0 leaves it.
  const std::string folder1 = out + "/" + shard1.front().substr(0, shard1.front().rfind('/'));
  const std::string others[] = {folder1 + "/.news.pdf.Ab12Cd.tmp", out + "/.manifest-1-of-2.jsonl.partial.Ab12Cd.tmp",
                                out + "/.manifest-1-of-2.jsonl.merged.tmp.r00003.tmp"};
  for (const std::string& path : others) write_file(path, "being written");
  std::string folder0;
  for (int i = 0; i < 40 && folder0.empty(); ++i) {
    const std::string id = "bulk/" + std::to_string(1000 + i);
    if (!exists(out + "/" + id + "/news.pdf")) folder0 = out + "/" + id;
  }
  REQUIRE(!folder0.empty());
  run("mkdir -p " + shell_quote(folder0));
  const std::string own[] = {folder0 + "/.news.pdf.Xy34Zw.tmp", out + "/.manifest-0-of-2.jsonl.partial.Xy34Zw.tmp"};
  for (const std::string& path : own) write_file(path, "left by a kill");

  REQUIRE(run_vanban("render " + shell_quote(input) + " -t news -q -o " + shell_quote(out) + " --shard 0/2").status == 0);
  for (const std::string& path : others) {
    INFO(path);
    CHECK(exists(path));
  }
  for (const std::string& path : own) {
    INFO(path);
    CHECK_FALSE(exists(path));
  }
  CHECK(pdfs_under(out).size() == 40);
  // Unsharded, a run owns the folder and sweeps every leftover.
  REQUIRE(run_vanban("render " + shell_quote(input) + " -t news -q -o " + shell_quote(out)).status == 0);
  CHECK(temporary_files(out).empty());
}

TEST_CASE("bulk: a re-run with --skip-existing skips what is unchanged, and only that") {
  TempDir dir;
  const std::string input = dir / "all.xml";
  write_file(input, sessions_file(6));
  const std::string render = "render " + shell_quote(input) + " -t news -q -o " + shell_quote(dir / "out");
  REQUIRE(run_vanban(render).status == 0);
  const std::string before = read_file(dir / "out/bulk/1003/news.pdf");

  Result again = run_vanban(render + " --skip-existing");
  REQUIRE(again.status == 0);
  std::string manifest = read_file(dir / "out/manifest.jsonl");
  CHECK(split_lines(manifest).size() == 6);
  for (const std::string& line : split_lines(manifest)) CHECK(contains(line, "\"status\":\"unchanged\""));
  CHECK(read_file(dir / "out/bulk/1003/news.pdf") == before);

  // Change one session: only its document is made again.
  std::string xml = read_file(input);
  std::size_t at = xml.find("id=\"bulk/1003\"");
  std::size_t p = xml.find("Xã đã thành lập", at);
  xml.replace(p, std::string("Xã đã").size(), "Xã vừa");
  write_file(input, xml);
  REQUIRE(run_vanban(render + " --skip-existing").status == 0);
  std::map<std::string, std::string> lines = manifest_by_output(read_file(dir / "out/manifest.jsonl"));
  int made = 0;
  for (const auto& [output, line] : lines) made += contains(line, "\"status\":\"ok\"");
  CHECK(made == 1);
  CHECK(contains(lines.at(dir / "out/bulk/1003/news.pdf"), "\"status\":\"ok\""));
  CHECK(contains(pdftotext(dir / "out/bulk/1003/news.pdf"), "vừa"));

  // A deleted PDF is made again even though its inputs did not change.
  std::remove((dir / "out/bulk/1001/news.pdf").c_str());
  REQUIRE(run_vanban(render + " --skip-existing").status == 0);
  CHECK(exists(dir / "out/bulk/1001/news.pdf"));
}

TEST_CASE("bulk: a killed run leaves no partial PDF, and a re-run completes the set") {
  TempDir dir;
  const std::string input = dir / "all.xml";
  // Enough sessions that a run cannot finish them all while this process
  // waits for a turn on a loaded machine (150 news took 0.15 s on 2 cores).
  constexpr int kSessions = 400;
  write_file(input, sessions_file(kSessions));
  const std::string out = dir / "out";
  // Start, let it write some documents, then kill it without warning.
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::unsetenv("SOURCE_DATE_EPOCH");
    execl(vanban_binary().c_str(), "vanban", "render", input.c_str(), "-t", "news", "-q", "-j", "2",
          "-o", out.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 200 && pdfs_under(out).size() < 10; ++i) usleep(10000);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  std::vector<std::string> partial = pdfs_under(out);
  CHECK(partial.size() < kSessions);  // it really was stopped half-way
  for (const std::string& pdf : partial) {
    INFO(pdf);
    CHECK(run("qpdf --check " + shell_quote(out + "/" + pdf) + " >/dev/null 2>&1").status == 0);
  }
  // Started again, it produces the same result as one uninterrupted run.
  REQUIRE(run_vanban("render " + shell_quote(input) + " -t news -q -o " + shell_quote(out) +
                     " --skip-existing").status == 0);
  CHECK(pdfs_under(out).size() == kSessions);
  CHECK(temporary_files(out).empty());
  CHECK(split_lines(read_file(out + "/manifest.jsonl")).size() == kSessions);
  TempDir clean;
  REQUIRE(run_vanban("render " + shell_quote(input) + " -t news -q -o " + shell_quote(clean.path())).status == 0);
  for (const std::string& pdf : pdfs_under(out)) {
    INFO(pdf);
    CHECK(read_file(out + "/" + pdf) == read_file(clean / pdf));
  }
}

TEST_CASE("bulk: a <sessions> file too large to parse whole is read session by session") {
  TempDir dir;
  const std::string input = dir / "large.xml";
  // Over the 4 MiB whole-file limit, with one bad session deep inside.
  std::string xml = sessions_file(6000, 4321);
  REQUIRE(xml.size() > (4u << 20));
  write_file(input, xml);
  Result r = run_vanban("check " + shell_quote(input));
  CHECK(r.status == 1);
  CHECK(contains(r.err, "5999 session(s) read"));
  // The error points at the bad session's own line in the large file.
  std::size_t at = xml.find("2023-02-30");
  int line = 1 + static_cast<int>(std::count(xml.begin(), xml.begin() + static_cast<long>(at), '\n'));
  CHECK(contains(r.err, "large.xml:" + std::to_string(line) + ":"));
}

TEST_CASE("bulk: --skip-existing still skips everything after a JSON tool rewrote the manifest") {
  // Python's json.dumps escapes every non-ASCII character (\u1ea1) and adds
  // spaces; the Vietnamese session ids put such characters in every line.
  TempDir dir;
  const std::string input = dir / "all.xml";
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sessions>\n";
  for (const char* id : {"hạ-long/đợt-1", "Đà-Nẵng/đợt-2", "huế/đợt-3"}) {
    xml += session_element(minimal_session(id));
  }
  write_file(input, xml + "</sessions>\n");
  const std::string out = dir / "out";
  const std::string render = "render " + shell_quote(input) + " -t news -q -o " + shell_quote(out);
  REQUIRE(run_vanban(render).status == 0);
  const std::string manifest = out + "/manifest.jsonl";
  REQUIRE(split_lines(read_file(manifest)).size() == 3);

  const std::string rewrite =
      "import json,sys\nfor l in sys.stdin: print(json.dumps(json.loads(l)))\n";
  REQUIRE(run("python3 -c " + shell_quote(rewrite) + " <" + shell_quote(manifest) + " >" +
              shell_quote(dir / "rewritten") + " && mv " + shell_quote(dir / "rewritten") + " " +
              shell_quote(manifest)).status == 0);
  const std::string rewritten = read_file(manifest);
  REQUIRE(contains(rewritten, "h\\u1ea1-long"));
  REQUIRE(contains(rewritten, "\\u0110\\u00e0-N\\u1eb5ng"));

  REQUIRE(run_vanban(render + " --skip-existing").status == 0);
  const std::vector<std::string> lines = split_lines(read_file(manifest));
  CHECK(lines.size() == 3);
  for (const std::string& line : lines) {
    INFO(line);
    CHECK(contains(line, "\"status\":\"unchanged\""));
  }
  // Written back by vanban: UTF-8 again, not escapes.
  CHECK(contains(read_file(manifest), "\"session\":\"hạ-long/đợt-1\""));
}

namespace {

// The manifest's lines whose "status" is `status`.
std::vector<std::string> with_status(const std::string& manifest, const std::string& status) {
  std::vector<std::string> out;
  for (const std::string& line : split_lines(manifest)) {
    if (contains(line, "\"status\":\"" + status + "\"")) out.push_back(line);
  }
  return out;
}

// A <sessions> file of sessions with ids `prefix`/0 ... `prefix`/(count - 1).
std::string named_sessions(const std::string& prefix, int count) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sessions>\n";
  for (int i = 0; i < count; ++i) xml += session_element(minimal_session(prefix + "/" + std::to_string(i)));
  return xml + "</sessions>\n";
}

}  // namespace

TEST_CASE("bulk: runs into one folder merge the manifest instead of shrinking it") {
  TempDir dir;
  write_file(dir / "a.xml", named_sessions("huyen-a", 3));
  write_file(dir / "b.xml", named_sessions("huyen-b", 2));
  const std::string out = " -t news -q -o " + shell_quote(dir / "out");
  const std::string manifest = dir / "out/manifest.jsonl";
  REQUIRE(run_vanban("render " + shell_quote(dir / "a.xml") + out).status == 0);
  REQUIRE(run_vanban("render " + shell_quote(dir / "b.xml") + out).status == 0);
  CHECK(split_lines(read_file(manifest)).size() == 5);
  CHECK(with_status(read_file(manifest), "ok").size() == 5);

  // One session again: its line is replaced, the others stay.
  REQUIRE(run_vanban("render " + shell_quote(dir / "a.xml") + out + " --skip-existing").status == 0);
  std::map<std::string, std::string> lines = manifest_by_output(read_file(manifest));
  REQUIRE(lines.size() == 5);
  CHECK(contains(lines.at(dir / "out/huyen-a/0/news.pdf"), "\"status\":\"unchanged\""));
  CHECK(contains(lines.at(dir / "out/huyen-b/1/news.pdf"), "\"status\":\"ok\""));

  // And --skip-existing over both remakes nothing.
  REQUIRE(run_vanban("render " + shell_quote(dir / "a.xml") + " " + shell_quote(dir / "b.xml") + out +
                     " --skip-existing").status == 0);
  CHECK(with_status(read_file(manifest), "unchanged").size() == 5);
}

TEST_CASE("bulk: refused sessions and documents without data have manifest lines") {
  TempDir dir;
  write_file(dir / "in/all.xml", sessions_file(3, 1));
  // A session file that is not XML at all: no id, so its lines have no output.
  write_file(dir / "in/broken.xml", "<session id=\"x\"><when date=\"2023-06-08\"></session");
  const std::string render = "render " + shell_quote(dir / "in") + " -q -o " + shell_quote(dir / "out");
  Result r = run_vanban(render);
  CHECK(r.status == 1);
  const std::string manifest = read_file(dir / "out/manifest.jsonl");
  INFO(manifest);
  // news for the two good sessions; the minimal session has no <notice>
  // and no <minutes>, so conclusion and minutes are skipped for them.
  CHECK(with_status(manifest, "ok").size() == 2);
  const std::vector<std::string> skipped = with_status(manifest, "skipped");
  REQUIRE(skipped.size() == 4);
  CHECK(contains(skipped[1], "\"document\":\"minutes\""));
  CHECK(contains(skipped[1], "\"error\":\"the session has no data for minutes\""));
  // The bad date: one line for each document asked for, with its error.
  std::vector<std::string> failed = with_status(manifest, "failed");
  int bad_date = 0, broken = 0;
  for (const std::string& line : failed) {
    if (contains(line, "2023-02-30")) {
      ++bad_date;
      CHECK(contains(line, "\"session\":\"bulk/1001\""));
      CHECK(contains(line, "\"output\":\"" + dir / "out/bulk/1001/"));
    }
    if (contains(line, "broken.xml")) {
      ++broken;
      CHECK(contains(line, "\"output\":\"\""));
      CHECK(contains(line, "the end tag </session> has no '>'"));
    }
  }
  CHECK(bad_date == 3);
  CHECK(broken == 3);

  // Mended, the refusals leave the manifest.
  write_file(dir / "in/all.xml", sessions_file(3));
  write_file(dir / "in/broken.xml", minimal_session("mended/1"));
  REQUIRE(run_vanban(render + " --skip-existing").status == 0);
  const std::string mended = read_file(dir / "out/manifest.jsonl");
  INFO(mended);
  CHECK(with_status(mended, "failed").empty());
  CHECK(with_status(mended, "unchanged").size() == 2);  // bulk/1000 and 1002
  CHECK(with_status(mended, "ok").size() == 2);         // bulk/1001 and mended/1
}

TEST_CASE("bulk: a broken file fails exactly one shard, which reports it") {
  TempDir dir;
  write_file(dir / "in/all.xml", sessions_file(20, 7));
  write_file(dir / "in/zz-broken.xml", "<sessions><session id=\"a\"></sessions");
  write_file(dir / "in/unreadable.xml", "");  // empty: cannot be read as a session file
  int failed_shards = 0;
  int broken_reports = 0, empty_reports = 0, date_reports = 0;
  for (int shard = 0; shard < 2; ++shard) {
    const std::string out = dir / ("out" + std::to_string(shard));
    Result r = run_vanban("render " + shell_quote(dir / "in") + " -t news -q -o " + shell_quote(out) +
                          " --shard " + std::to_string(shard) + "/2");
    INFO(r.err);
    CHECK((r.status == 0 || r.status == 1));
    failed_shards += r.status == 1;
    broken_reports += contains(r.err, "zz-broken.xml");
    empty_reports += contains(r.err, "unreadable.xml");
    date_reports += contains(r.err, "2023-02-30");
    if (r.status == 0) CHECK(r.err.empty());
  }
  CHECK(failed_shards >= 1);
  CHECK(broken_reports == 1);
  CHECK(empty_reports == 1);
  CHECK(date_reports == 1);

  // One broken file alone among good ones: one pod of two fails.
  std::remove((dir / "in/unreadable.xml").c_str());
  write_file(dir / "in/all.xml", sessions_file(20));
  int statuses = 0;
  for (int shard = 0; shard < 2; ++shard) {
    Result r = run_vanban("check " + shell_quote(dir / "in") + " --shard " + std::to_string(shard) + "/2");
    statuses += r.status;
  }
  CHECK(statuses == 1);
}
