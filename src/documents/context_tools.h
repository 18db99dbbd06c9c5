// The text helpers a context is built with: free text as escaped markup,
// lists with first/last flags, dates and numbers in their Vietnamese forms,
// names with their titles. They give templates data in every form a
// sentence needs; the sentences themselves are written in templates/.
#ifndef VANBAN_DOCUMENTS_CONTEXT_TOOLS_H_
#define VANBAN_DOCUMENTS_CONTEXT_TOOLS_H_

#include <kainjow/mustache.hpp>

#include <string>
#include <vector>

#include "input/session.h"
#include "text/date.h"
#include "text/number.h"

namespace vanban::documents {

namespace mustache = kainjow::mustache;

// What building a context needs beyond the session: the per-thread ICU
// formatters.
struct ContextTools {
  const text::NumberFormatter& numbers;
};

mustache::data object();
mustache::data list();

// {text, markup}: free text plain and as markup (escaped, with <b>, <i>,
// <keep>), safe for {{{markup}}}.
mustache::data rich(const input::RichText& text);

// Free-text items, each as rich() plus:
//   clause_markup    the item as a clause of a list ("tiếp tục chỉ đạo ..."):
//                    no end punctuation, first letter lowered unless it
//                    starts a name or an abbreviation;
//   sentence_markup  the item as a sentence: closed with a full stop unless
//                    it already ends one;
//   first, last      for separators.
mustache::data rich_list(const std::vector<input::RichText>& items);

// {text, first, last} for each string; `bare`: each as bare_item().
mustache::data string_list(const std::vector<std::string>& items, bool bare = false);

// A date in every form the documents use (iso, short, numeric, prose,
// Prose, decree, weekday, day, month, year).
mustache::data date_data(const text::Date& date);

// Sentences: each closed with a full stop and starting with a capital,
// joined with spaces ("Huyện đã ... . Người dân ...").
std::string join_sentences(const std::vector<input::RichText>& sentences);

// A list item as the user may have typed it, bullet and end punctuation
// and all ("- UBND huyện Vị Xuyên;"), without them: the template adds its
// own.
std::string bare_item(std::string item);

// A document number without a "Số:" the user typed before it.
std::string bare_number(std::string number);

// "a, b, c" of the non-empty parts: a name with its titles.
std::string describe(const std::string& name, const std::vector<std::string>& titles);

// Who a name is, from the delegation and the host's people: "Nguyễn Văn
// An, Phó Chủ tịch UBND tỉnh, Trưởng đoàn"; the bare name when unknown.
std::string describe_person(const input::Session& s, const std::string& name);

// Decree 30: a document number below 10 takes a leading zero
// ("5/TB-ĐKT" -> "05/TB-ĐKT").
std::string pad_document_number(const std::string& number);

// "ĐKT" of "15/TB-ĐKT": the issuer's abbreviation inside a ký hiệu.
std::string issuer_code(const std::string& number);

// Sentence helpers on markup.
std::string close_sentence(std::string markup);  // adds '.' unless it ends a sentence
std::string join(const std::vector<std::string>& parts, const std::string& separator);
// "a; b; c" of clauses, each after the first continuing the sentence.
std::string join_clauses(const std::vector<input::RichText>& clauses);
// The text without the punctuation that ends it (';', ',', '.'), an
// ellipsis kept.
input::RichText without_end_punctuation(input::RichText text);

// The text as a clause continuing a sentence (first letter lowered unless
// it starts a name), end punctuation kept.
input::RichText continued(input::RichText text);

}  // namespace vanban::documents

#endif  // VANBAN_DOCUMENTS_CONTEXT_TOOLS_H_
