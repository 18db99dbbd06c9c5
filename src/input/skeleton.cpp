#include "input/skeleton.h"

namespace vanban::input {

// Kept as one text, as the user sees it; tests/init_test checks that
// `vanban check` accepts it without a warning and that it is valid against
// docs/session.xsd.
std::string session_skeleton() {
  return R"xml(<?xml version="1.0" encoding="UTF-8"?>
<!-- Tệp mô tả một buổi làm việc, theo hợp đồng dữ liệu phiên bản 1 của vanban
     (docs/session-xml.md). Thay các giá trị mẫu bằng thông tin của buổi làm việc,
     rồi kiểm tra bằng: vanban check session.xml
     Ngày viết theo dạng NĂM-THÁNG-NGÀY (2023-06-13), giờ theo dạng GIỜ:PHÚT
     (14:00), số dùng dấu chấm trước phần thập phân (58.5) và không có dấu chấm
     ngăn cách hàng nghìn (12345). Các trường ghi "không bắt buộc" có thể xoá. -->
<!-- id: mã ổn định của buổi làm việc; văn bản được ghi vào thư mục theo mã này. -->
<session version="1" id="tinh/huyen/2023-06-13">
  <!-- Ngày họp (bắt buộc); buổi: sáng, trưa, chiều hoặc tối, và giờ bắt đầu (không bắt buộc). -->
  <when date="2023-06-13" part="chiều" time="14:00"/>
  <!-- Tỉnh, đơn vị hành chính được kiểm tra (có cấp: huyện, xã...); địa điểm họp (không bắt buộc). -->
  <where province="Tuyên Quang" unit="huyện Chiêm Hóa" venue="Trụ sở UBND huyện Chiêm Hóa"/>
  <!-- Tên viết tắt của chương trình, đề án được kiểm tra. -->
  <programme short="Đề án 06">
    <!-- Tên đầy đủ của chương trình, đề án. -->
    <name>Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia</name>
    <!-- Quyết định phê duyệt (không bắt buộc): số, ngày ban hành, cơ quan ban hành. -->
    <decision number="06/QĐ-TTg" date="2022-01-06" issuer="Thủ tướng Chính phủ"/>
  </programme>
  <!-- Đoàn công tác; kind: cách gọi đoàn trong câu, level: cấp của đoàn (cả hai không bắt buộc). -->
  <delegation kind="Đoàn công tác" level="tỉnh">
    <!-- Tên đầy đủ của đoàn. -->
    <name>Đoàn kiểm tra công tác triển khai Đề án 06 tỉnh Tuyên Quang</name>
    <!-- Mỗi thành viên: họ tên, chức vụ, vai trò trong đoàn (không bắt buộc);
         đúng một người là trưởng đoàn: head="true". -->
    <member name="Nguyễn Văn An" title="Phó Chủ tịch UBND tỉnh" role="Trưởng đoàn" head="true"/>
    <member name="Trần Thị Bình" title="Phó Giám đốc Công an tỉnh" role="Phó Trưởng đoàn"/>
  </delegation>
  <!-- Đơn vị làm việc với đoàn, như văn bản gọi tên; level: cấp (không bắt buộc). -->
  <host unit="UBND huyện Chiêm Hóa" level="huyện">
    <!-- Người của đơn vị dự họp: họ tên, và một hoặc nhiều chức vụ theo thứ tự. -->
    <person name="Nguyễn Tiến Dũng">
      <title>Chủ tịch UBND huyện</title>
    </person>
    <!-- Các thành phần khác dự họp (không bắt buộc). -->
    <group>các thành viên Tổ công tác cấp huyện</group>
  </host>
  <!-- Báo cáo của đơn vị. -->
  <report>
    <!-- Mỗi đoạn báo cáo là một <p> (ít nhất một). Trong mọi đoạn văn có thể dùng
         <b>đậm</b>, <i>nghiêng</i>, <keep>giữ nguyên chữ</keep> và <br/> để xuống dòng. -->
    <p>UBND huyện đã kịp thời chỉ đạo, triển khai thực hiện các nhiệm vụ của Đề án.</p>
    <!-- Tóm tắt kết quả trong vài câu, cho thông báo và biên bản (không bắt buộc). -->
    <summary>Huyện đã thành lập Tổ công tác ở cả ba cấp.</summary>
    <!-- Số liệu: nội dung, giá trị (số), đơn vị (không bắt buộc), trên tổng số (không bắt buộc). -->
    <figure label="Tổ công tác cấp thôn được thành lập" value="297" of="297"/>
    <figure label="Tỷ lệ hồ sơ tiếp nhận trực tuyến" value="58.5" unit="%"/>
    <!-- Kiến nghị của đơn vị; <answer> là ý kiến trả lời của đoàn (không bắt buộc). -->
    <proposal>Đề nghị tỉnh nâng cấp đường truyền dữ liệu cho cấp xã
      <answer>Giao Sở Thông tin và Truyền thông khảo sát, nâng cấp đường truyền trong quý III.</answer></proposal>
  </report>
  <!-- Khó khăn, vướng mắc: mỗi ý một <item> (không bắt buộc). -->
  <difficulties>
    <item>Đường truyền dữ liệu nhiều lúc không ổn định</item>
  </difficulties>
  <!-- Lần kiểm tra trước có liên quan (không bắt buộc). -->
  <earlier>Trước đó Tổ công tác của tỉnh đã kiểm tra tại UBND xã Phúc Thịnh.</earlier>
  <!-- Kết luận của đoàn. -->
  <conclusion>
    <!-- Đánh giá chung (bắt buộc). -->
    <assessment>Đoàn công tác đánh giá cao kết quả triển khai Đề án trên địa bàn huyện.</assessment>
    <!-- Ưu điểm, tồn tại hạn chế, nhiệm vụ: mỗi ý một thẻ, có thể lặp lại. -->
    <strength>Huyện đã làm tốt công tác chỉ đạo, triển khai.</strength>
    <weakness>Tỷ lệ hồ sơ trực tuyến toàn trình còn thấp</weakness>
    <!-- to: cơ quan thực hiện nhiệm vụ; bỏ trống là đơn vị làm việc với đoàn. -->
    <task>Tiếp tục chỉ đạo các phòng, ban triển khai Đề án</task>
    <task to="Công an tỉnh">Hướng dẫn Công an huyện rà soát, làm sạch dữ liệu dân cư</task>
  </conclusion>
  <!-- Ảnh cho tin bài (không bắt buộc): đường dẫn tệp JPEG, PNG, WebP hoặc HEIC so với
       tệp này; chú thích; after: đặt ảnh sau phần lead, attendance, report,
       difficulties, earlier hoặc conclusion. Bỏ dấu chú thích khi đã có ảnh:
  <photo src="anh/dai-bieu.jpg" after="attendance">Các đại biểu dự buổi làm việc.</photo>
  -->
  <!-- Tin bài: tác giả (bắt buộc cho tin bài) và chuyên mục (không bắt buộc). -->
  <article author="Huy Dương" category="Tin tức - Sự kiện"/>
  <!-- Thông báo kết luận: số, ký hiệu; ngày ban hành (không trước ngày họp); địa danh. -->
  <notice number="15/TB-ĐKT" date="2023-06-14" place="Tuyên Quang">
    <!-- Cơ quan ban hành; parent: cơ quan chủ quản (không bắt buộc). -->
    <issuer parent="UBND tỉnh Tuyên Quang">Đoàn kiểm tra Đề án 06</issuer>
    <!-- Người ký: quyền hạn ký (TM., KT.; không bắt buộc), chức vụ, họ tên. -->
    <signer authority="TM. ĐOÀN CÔNG TÁC" position="Trưởng đoàn" name="Nguyễn Văn An"/>
    <!-- Nơi nhận: mỗi nơi một dòng (ít nhất một). -->
    <recipient>UBND huyện Chiêm Hóa</recipient>
    <recipient>Lưu: VT</recipient>
  </notice>
  <!-- Biên bản: giờ bắt đầu, giờ kết thúc, giờ thông qua biên bản (không bắt buộc),
       chủ trì, thư ký, số biên bản (không bắt buộc; bỏ trống để ghi tay). -->
  <minutes start="14:00" end="16:30" passed="16:45" chair="Nguyễn Văn An" secretary="Lê Văn Cường" number="07/BB-ĐKT">
    <!-- Ý kiến phát biểu: người phát biểu là thành viên đoàn hoặc người của đơn vị. -->
    <speech speaker="Nguyễn Tiến Dũng">Báo cáo kết quả triển khai Đề án trên địa bàn huyện.</speech>
    <speech speaker="Nguyễn Văn An">Kết luận buổi làm việc như nội dung Thông báo kết luận của Đoàn.</speech>
    <!-- Câu kết của riêng biên bản, thay câu mặc định (không bắt buộc):
    <closing>Biên bản được lập thành 02 bản, có giá trị như nhau./.</closing>
    -->
    <!-- Nơi nhận của biên bản (không bắt buộc). -->
    <recipient>Thành viên Đoàn công tác</recipient>
    <recipient>Lưu: VT, Hồ sơ</recipient>
  </minutes>
  <!-- Trường riêng của bạn cho mẫu văn bản tự làm (không bắt buộc): mỗi phần tử
       trong <extra> là {{extra.TÊN}} trong mẫu; vanban không kiểm tra chúng. -->
  <extra>
    <ghi-chu>Ghi chú nội bộ</ghi-chu>
  </extra>
</session>
)xml";
}

}  // namespace vanban::input
