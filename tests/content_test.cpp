// What the documents say, read back from the PDFs: the host named as the
// host, tasks per addressee, names as written in either tone style, the
// minutes recording the session, and no glued or doubled punctuation.
#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <vector>

#include "testing.h"

using testing::contains;
using testing::normalize_space;
using testing::Result;
using testing::run_vanban;
using testing::shell_quote;
using testing::TempDir;

namespace {

struct Host {
  std::string level;  // as the matrix names it
  std::string place;  // where@unit
  std::string unit;   // host@unit
  bool government;
};

const std::vector<Host> kHosts = {
    {"tỉnh", "tỉnh Điện Biên", "UBND tỉnh Điện Biên", true},
    {"huyện", "huyện Mèo Vạc", "UBND huyện Mèo Vạc", true},
    {"thị xã", "thị xã Sa Pa", "UBND thị xã Sa Pa", true},
    {"thành phố", "thành phố Điện Biên Phủ", "UBND thành phố Điện Biên Phủ", true},
    {"xã", "xã Phúc Thịnh", "UBND xã Phúc Thịnh", true},
    {"phường", "phường Tân Quang", "UBND phường Tân Quang", true},
    {"thị trấn", "thị trấn Vĩnh Lộc", "UBND thị trấn Vĩnh Lộc", true},
    {"Sở", "thành phố Điện Biên Phủ", "Sở Tài nguyên và Môi trường tỉnh Điện Biên", false},
    {"Ban", "thành phố Bắc Ninh", "Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh", false},
    {"Phòng", "huyện Mường Chà", "Phòng Tư pháp huyện Mường Chà", false},
};

// A whole session; %ID%, %PLACE%, %HOST%, %TASKS%, %EXTRA_MEMBER%,
// %SPEECH% are filled in by the tests.
const char kSession[] = R"(<session version="1" id="%ID%">
  <when date="2024-03-12" part="sáng" time="08:00"/>
  <where province="Điện Biên" unit="%PLACE%"/>
  <programme short="Đề án 06">
    <name>Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử</name>
  </programme>
  <delegation kind="Đoàn kiểm tra" level="tỉnh">
    <name>Đoàn kiểm tra Đề án 06 tỉnh Điện Biên</name>
    <member name="Lò Văn Mừng" title="Phó Chủ tịch UBND tỉnh" role="Trưởng đoàn" head="true"/>
    %EXTRA_MEMBER%
  </delegation>
  <host unit="%HOST%">
    <person name="Quàng Thị Hoa"><title>Người đứng đầu</title></person>
  </host>
  <report>
    <p>Đơn vị đã ban hành kế hoạch triển khai Đề án 06 ngay từ đầu năm.</p>
    <p>Đơn vị đã tổ chức tập huấn cho toàn bộ công chức về dịch vụ công trực tuyến.</p>
    <figure label="Hồ sơ trực tuyến được tiếp nhận" value="1250" unit="hồ sơ"/>
    <figure label="Tổ công tác được thành lập" value="24" of="25"/>
    <proposal>Đề nghị tỉnh bố trí kinh phí nâng cấp đường truyền<answer>Giao Sở Tài chính tham mưu bố trí kinh phí trong quý II.</answer></proposal>
    <proposal>Đề nghị hỗ trợ thiết bị đọc thẻ căn cước</proposal>
  </report>
  <difficulties>
    <item>Đường truyền dữ liệu nhiều lúc không ổn định.</item>
    <item>- Trình độ công nghệ thông tin của một bộ phận Nhân dân còn hạn chế;</item>
  </difficulties>
  <conclusion>
    <assessment>Đoàn kiểm tra ghi nhận kết quả đơn vị đã đạt được.</assessment>
    <strength>đơn vị đã chủ động triển khai.</strength>
    <weakness>Tỷ lệ hồ sơ trực tuyến toàn trình còn thấp</weakness>
    %TASKS%
  </conclusion>
  <article author="Ban Biên tập"/>
  <notice number="Số: 7/TB-ĐKT" date="2024-03-13" place="Điện Biên">
    <issuer parent="UBND tỉnh Điện Biên">Đoàn kiểm tra Đề án 06</issuer>
    <signer authority="TM. ĐOÀN KIỂM TRA" position="Trưởng đoàn" name="Lò Văn Mừng"/>
    <recipient>- %HOST%;</recipient>
    <recipient>Lưu: VT, ĐKT.</recipient>
  </notice>
  <minutes start="08:00" end="10:30" chair="Lò Văn Mừng" secretary="Cà Văn Lả">
    %SPEECH%
  </minutes>
</session>
)";

std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [key, value] : values) {
    for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
      text.replace(at, key.size(), value);
    }
  }
  return text;
}

std::string session_for(const Host& host, const std::string& id, const std::string& tasks = "",
                        const std::string& extra_member = "", const std::string& speech = "") {
  return fill(kSession, {{"%ID%", id},
                         {"%PLACE%", host.place},
                         {"%HOST%", host.unit},
                         {"%TASKS%", tasks.empty() ? "<task>Tiếp tục rà soát dữ liệu dân cư</task>" : tasks},
                         {"%EXTRA_MEMBER%", extra_member},
                         {"%SPEECH%", speech}});
}

// Renders `sessions` (a <sessions> body) and returns the folder.
void render(const TempDir& dir, const std::string& sessions, const std::string& extra = "") {
  testing::write_file(dir / "in.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sessions>\n" +
                                          sessions + "</sessions>\n");
  Result r = run_vanban("render -q " + extra + " -o " + shell_quote(dir / "out") + " " +
                        shell_quote(dir / "in.xml"));
  INFO(r.err);
  REQUIRE(r.status == 0);
}

std::string text_of(const TempDir& dir, const std::string& id, const std::string& document) {
  const std::string pdf = dir / ("out/" + id + "/" + document + ".pdf");
  REQUIRE(testing::exists(pdf));
  return normalize_space(testing::pdftotext(pdf));
}

std::string capitalized(const std::string& s) {
  // Enough for the places of the matrix: their first letter is ASCII.
  std::string out = s;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace

TEST_CASE("content: every kind of host is named as the host, never as the place") {
  TempDir dir;
  std::string sessions;
  for (std::size_t i = 0; i < kHosts.size(); ++i) {
    sessions += session_for(kHosts[i], "ma-tran/" + std::to_string(i));
  }
  render(dir, sessions);
  for (std::size_t i = 0; i < kHosts.size(); ++i) {
    const Host& host = kHosts[i];
    INFO("host: " << host.level << " (" << host.unit << ")");
    const std::string id = "ma-tran/" + std::to_string(i);
    const std::string notice = text_of(dir, id, "conclusion");
    const std::string minutes = text_of(dir, id, "minutes");
    const std::string news = text_of(dir, id, "news");
    INFO(notice);
    CHECK(contains(notice, "làm việc với " + host.unit));
    CHECK(contains(notice, "Sau khi nghe " + host.unit + " báo cáo"));
    CHECK(contains(notice, "về phía " + host.unit + " có đồng chí Quàng Thị Hoa"));
    CHECK(contains(minutes, host.unit + " báo cáo kết quả"));
    CHECK(contains(minutes, "- " + host.unit + ": đồng chí Quàng Thị Hoa"));
    CHECK(contains(news, "Về phía " + host.unit + " có đồng chí Quàng Thị Hoa"));
    // The place is never the one that reports or attends.
    for (const std::string& text : {notice, minutes, news}) {
      CHECK_FALSE(contains(text, capitalized(host.place) + " báo cáo"));
      CHECK_FALSE(contains(text, "về phía " + host.place));
      CHECK_FALSE(contains(text, "- " + capitalized(host.place) + ":"));
    }
    if (host.government) {
      CHECK(contains(news, "kiểm tra tại " + host.place));
    } else {
      CHECK(contains(news, "làm việc với " + host.unit));
    }
    // The delegation is named from its data: an "Đoàn kiểm tra", not an
    // assumed "Đoàn công tác".
    CHECK_FALSE(contains(notice + minutes + news, "Đoàn công tác"));
    CHECK(contains(notice, "thành viên Đoàn kiểm tra"));
  }
}

TEST_CASE("content: tasks are grouped per addressee, the host first, a) b) c)") {
  TempDir dir;
  const Host& host = kHosts[1];
  const std::string tasks =
      "<task to=\"Sở Tài chính\">Bố trí kinh phí nâng cấp đường truyền</task>\n"
      "<task>Tiếp tục rà soát dữ liệu dân cư</task>\n"
      "<task to=\"Văn phòng Điều phối Đề án 06 tỉnh\">Hướng dẫn nghiệp vụ cho cấp xã</task>\n"
      "<task to=\"UBND huyện Mèo Vạc\">Đẩy mạnh thanh toán không dùng tiền mặt</task>\n";
  render(dir, session_for(host, "nhiem-vu", tasks));
  const std::string notice = text_of(dir, "nhiem-vu", "conclusion");
  INFO(notice);
  const std::vector<std::string> in_order = {
      "a) Đối với UBND huyện Mèo Vạc: - tiếp tục rà soát dữ liệu dân cư; - đẩy mạnh thanh toán "
      "không dùng tiền mặt.",
      "b) Đối với Sở Tài chính: - bố trí kinh phí nâng cấp đường truyền.",
      "c) Đối với Văn phòng Điều phối Đề án 06 tỉnh: - hướng dẫn nghiệp vụ cho cấp xã."};
  std::size_t from = 0;
  for (const std::string& group : in_order) {
    const std::size_t at = notice.find(group, from);
    INFO("expected next: " << group);
    REQUIRE(at != std::string::npos);
    from = at + group.size();
  }
  const std::string minutes = text_of(dir, "nhiem-vu", "minutes");
  CHECK(contains(minutes, "Đề nghị Sở Tài chính: bố trí kinh phí nâng cấp đường truyền."));
  CHECK(contains(minutes, "Đề nghị Văn phòng Điều phối Đề án 06 tỉnh: hướng dẫn nghiệp vụ cho cấp xã."));

  // One addressee: no a), and the sentence asks the host.
  TempDir single;
  render(single, session_for(host, "mot-noi"));
  const std::string one = text_of(single, "mot-noi", "conclusion");
  CHECK(contains(one, "Đề nghị UBND huyện Mèo Vạc tập trung thực hiện tốt các nhiệm vụ sau: - tiếp "
                      "tục rà soát dữ liệu dân cư."));
  CHECK_FALSE(contains(one, "a) Đối với"));
}

TEST_CASE("content: names keep their spelling in both tone styles; speakers find their titles") {
  // The member writes "Thủy" (old style), the host place "Hoà" (new style);
  // the free text and the speech write each in the other style.
  Host host{"huyện", "huyện Lạc Thủy", "UBND huyện Lạc Thủy", true};
  const std::string member =
      "<member name=\"Bùi Thị Thủy\" title=\"Phó Giám đốc Sở Văn hoá, Thể thao và Du lịch\"/>";
  const std::string speech =
      "<speech speaker=\"Bùi Thị Thuỷ\">Đề nghị huyện Lạc Thuỷ tiếp tục chỉ đạo quyết liệt.</speech>";
  std::string xml = session_for(host, "ten-rieng", "", member, speech);
  xml = testing::replace_once(xml, "Đoàn kiểm tra ghi nhận kết quả đơn vị đã đạt được.",
                              "Đoàn kiểm tra ghi nhận kết quả huyện Lạc Thuỷ đã đạt được; đồng chí "
                              "Bùi Thị Thuỷ sẽ theo dõi việc khắc phục hạn chế.");
  for (const char* tone : {"new", "old"}) {
    INFO("--tone " << tone);
    TempDir dir;
    render(dir, xml, std::string("--tone ") + tone);
    const std::string minutes = text_of(dir, "ten-rieng", "minutes");
    INFO(minutes);
    CHECK(contains(minutes, "Bùi Thị Thủy"));
    CHECK_FALSE(contains(minutes, "Bùi Thị Thuỷ"));
    CHECK(contains(minutes, "huyện Lạc Thủy"));
    CHECK_FALSE(contains(minutes, "Lạc Thuỷ"));
    // The speaker, written in the other style, is still the member.
    CHECK(contains(minutes, "- Đồng chí Bùi Thị Thủy, Phó Giám đốc Sở"));
    // Words that are not names follow the run's style.
    CHECK(contains(minutes, std::string(tone) == "new" ? "Văn hoá" : "Văn hóa"));
  }
}

TEST_CASE("content: the minutes record the report, the difficulties, the proposals and the closing") {
  TempDir dir;
  const std::string speech = "<speech speaker=\"Quàng Thị Hoa\">Báo cáo kết quả triển khai.</speech>";
  render(dir, session_for(kHosts[1], "bien-ban", "", "", speech));
  const std::string minutes = text_of(dir, "bien-ban", "minutes");
  INFO(minutes);
  for (const char* expected :
       {"Đơn vị đã ban hành kế hoạch triển khai Đề án 06 ngay từ đầu năm.",
        "Đơn vị đã tổ chức tập huấn cho toàn bộ công chức về dịch vụ công trực tuyến.",
        "Kết quả cụ thể: Hồ sơ trực tuyến được tiếp nhận: 1.250 hồ sơ",
        "Tổ công tác được thành lập: 24/25 (đạt 96%)",
        "đường truyền dữ liệu nhiều lúc không ổn định; trình độ công nghệ thông tin của một bộ phận "
        "Nhân dân còn hạn chế.",
        "- đề nghị tỉnh bố trí kinh phí nâng cấp đường truyền;",
        "- đề nghị hỗ trợ thiết bị đọc thẻ căn cước.",
        "- Đồng chí Quàng Thị Hoa, Người đứng đầu: Báo cáo kết quả triển khai.",
        "Tồn tại, hạn chế: tỷ lệ hồ sơ trực tuyến toàn trình còn thấp.",
        "Đối với kiến nghị “Đề nghị tỉnh bố trí kinh phí nâng cấp đường truyền”: Giao Sở Tài chính "
        "tham mưu bố trí kinh phí trong quý II.",
        "Buổi làm việc kết thúc vào 10 giờ 30 cùng ngày.",
        "Biên bản được lập xong lúc 10 giờ 30 cùng ngày, đã được đọc lại cho các thành viên dự họp "
        "cùng nghe và thống nhất thông qua./."}) {
    CHECK(contains(minutes, expected));
  }
  // The notice: results, numbered sections, the answer; "Số:" once.
  const std::string notice = text_of(dir, "bien-ban", "conclusion");
  INFO(notice);
  CHECK(contains(notice, "1. Đánh giá chung"));
  CHECK(contains(notice, "2. Nhiệm vụ trọng tâm thời gian tới"));
  CHECK(contains(notice, "3. Về các kiến nghị, đề xuất của UBND huyện Mèo Vạc"));
  CHECK(contains(notice, "Số: 07/TB-ĐKT"));
  CHECK_FALSE(contains(notice, "Số: Số:"));
  CHECK(contains(notice, "- UBND huyện Mèo Vạc; - Lưu: VT, ĐKT."));
  // "đơn vị đã chủ động ..." starts a sentence: a capital.
  CHECK(contains(notice, "Đơn vị đã chủ động triển khai."));
}

TEST_CASE("content: one section is not numbered") {
  TempDir dir;
  std::string xml = session_for(kHosts[4], "mot-muc");
  xml = testing::replace_once(xml, "<task>Tiếp tục rà soát dữ liệu dân cư</task>", "");
  xml = testing::replace_once(
      xml, "<answer>Giao Sở Tài chính tham mưu bố trí kinh phí trong quý II.</answer>", "");
  render(dir, xml);
  const std::string notice = text_of(dir, "mot-muc", "conclusion");
  CHECK(contains(notice, "Đánh giá chung"));
  CHECK_FALSE(contains(notice, "1. Đánh giá chung"));
  CHECK_FALSE(contains(notice, "2. "));
}

TEST_CASE("content: a generated corpus has no doubled punctuation and no lower-case sentence start") {
  TempDir dir;
  Result gen = testing::run("python3 " + shell_quote(testing::source_dir() + "/bench/generate.py") +
                            " 40 --seed 11 -o " + shell_quote(dir / "corpus.xml"));
  if (gen.status != 0) {
    WARN("skipped: python3 cannot run bench/generate.py: " << gen.err);
    return;
  }
  Result r = run_vanban("render -q -o " + shell_quote(dir / "out") + " " + shell_quote(dir / "corpus.xml"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  const std::vector<std::string> pdfs = testing::pdfs_under(dir / "out");
  REQUIRE(pdfs.size() == 120);
  // Doubled marks that a user's own punctuation and a template's used to
  // make; an ellipsis "..." and the closing "./." are not doubles.
  const std::regex doubled(R"re((;;|,,|;\.|\.;|,\.|- - |Số: Số:|[^.]\.\.[^.]|: :))re");
  const std::regex lower_start(
      "[.!?] (a|ă|â|b|c|d|đ|e|ê|g|h|i|k|l|m|n|o|ô|ơ|p|q|r|s|t|u|ư|v|x|y)[a-zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]");
  int checked = 0;
  for (const std::string& pdf : pdfs) {
    const std::string text = normalize_space(testing::pdftotext(dir / "out/" + pdf));
    INFO(pdf << ": " << text);
    std::smatch m;
    CHECK_FALSE(std::regex_search(text, m, doubled));
    CHECK_FALSE(std::regex_search(text, m, lower_start));
    ++checked;
  }
  CHECK(checked == 120);
}

TEST_CASE("content: the place-date line never wraps, for the longest places") {
  TempDir dir;
  std::string sessions;
  const std::vector<std::pair<std::string, std::string>> places = {
      {"Thành phố Hồ Chí Minh", "2024-12-28"}, {"Bà Rịa - Vũng Tàu", "2024-11-28"},
      {"Thừa Thiên Huế", "2024-12-28"}, {"Điện Biên", "2024-12-28"}};
  for (std::size_t i = 0; i < places.size(); ++i) {
    std::string xml = session_for(kHosts[1], "dia-danh/" + std::to_string(i));
    xml = testing::replace_once(xml, "date=\"2024-03-13\" place=\"Điện Biên\"",
                                "date=\"" + places[i].second + "\" place=\"" + places[i].first + "\"");
    sessions += xml;
  }
  render(dir, sessions);
  for (std::size_t i = 0; i < places.size(); ++i) {
    const std::string pdf = dir / ("out/dia-danh/" + std::to_string(i) + "/conclusion.pdf");
    const std::string expected = places[i].first + ", ngày 28 tháng " +
                                 places[i].second.substr(5, 2) + " năm 2024";
    bool one_line = false;
    for (const std::string& line : testing::split_lines(testing::pdftotext(pdf, /*layout=*/true))) {
      one_line = one_line || contains(normalize_space(line), expected);
    }
    INFO(testing::pdftotext(pdf, true));
    CHECK(one_line);
  }
}
