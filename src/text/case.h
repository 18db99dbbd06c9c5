// Vietnamese case mapping (ICU, locale "vi"). Results are NFC.
#ifndef VANBAN_TEXT_CASE_H_
#define VANBAN_TEXT_CASE_H_

#include <string>
#include <string_view>

namespace vanban::text {

std::string to_upper_vi(std::string_view s);
std::string to_lower_vi(std::string_view s);

// Upper-cases the first letter only ("huyện Chiêm Hoá" -> "Huyện Chiêm Hoá").
std::string capitalize_first(std::string_view s);

// For a sentence that a template continues after a lead-in clause
// ("Trong thời gian tới, " + "Tiếp tục chỉ đạo ..."): lower-cases the first
// letter unless the first word looks like a proper name or an abbreviation
// (all upper case such as "UBND", or followed by another capitalised word
// such as "Nguyễn Văn An") or heads an organisation's name ("Đoàn công
// tác", "Tổ công tác": capitalised by Decree 30, Phụ lục II).
std::string continue_sentence(std::string_view s);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_CASE_H_
