#include "serve/messages.h"

namespace vanban::serve {

namespace {

bool has(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

}  // namespace

std::string vietnamese_message(const std::string& m) {
  // Most specific first: a date message also contains "is not a".
  if (has(m, "is not an ISO date")) return "Ngày chưa đúng dạng năm-tháng-ngày, ví dụ 2023-06-13.";
  if (has(m, "is not a date")) return "Ngày này không có thật (kiểm tra ngày và tháng).";
  if (has(m, "is not a time")) return "Giờ chưa đúng dạng giờ:phút (00:00 đến 23:59), ví dụ 14:00.";
  if (has(m, "(required)") || has(m, "> is empty")) return "Mục này bắt buộc, chưa được điền.";
  if (has(m, "has no head")) return "Đánh dấu đúng một thành viên là Trưởng đoàn.";
  if (has(m, " heads: ")) return "Chỉ được một thành viên là Trưởng đoàn.";
  if (has(m, "<when part> must be one of")) return "Buổi phải là sáng, trưa, chiều hoặc tối.";
  if (has(m, "<photo after> must be one of")) return "Vị trí ảnh chưa đúng.";
  if (has(m, "session id")) return "Mã phiên không hợp lệ: chỉ chữ thường không dấu, số, '-' và '/'.";
  if (has(m, "photo '")) return "Không đọc được ảnh này (cần tệp JPEG, PNG, WebP, HEIC, GIF, TIFF hoặc BMP).";
  if (has(m, "is not a number")) return "Không phải một số (phần thập phân viết bằng dấu chấm, ví dụ 58.5).";
  if (has(m, "malformed XML")) return "Tệp XML bị lỗi cú pháp.";
  return "Lỗi: " + m;
}

}  // namespace vanban::serve
