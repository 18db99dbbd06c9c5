#include <iterator>

#include "layout/document.h"

namespace vanban::layout {

namespace {

struct RoleName {
  Role role;
  const char* name;
};

// In the order of the enum; templates/README.md lists the same.
constexpr RoleName kRoleNames[] = {
    {Role::kBody, "body"},
    {Role::kParentAgency, "parent-agency"},
    {Role::kAgency, "agency"},
    {Role::kNationalMotto, "national-motto"},
    {Role::kTagline, "tagline"},
    {Role::kNumber, "number"},
    {Role::kPlaceDate, "place-date"},
    {Role::kDocType, "doc-type"},
    {Role::kTitle, "title"},
    {Role::kHeading, "heading"},
    {Role::kListItem, "list-item"},
    {Role::kSignerAuthority, "signer-authority"},
    {Role::kSignerPosition, "signer-position"},
    {Role::kSignerName, "signer-name"},
    {Role::kRecipientsHeading, "recipients-heading"},
    {Role::kRecipient, "recipient"},
    {Role::kCategory, "category"},
    {Role::kSapo, "sapo"},
    {Role::kCaption, "caption"},
    {Role::kByline, "byline"},
};

}  // namespace

const char* role_name(Role role) {
  for (const RoleName& r : kRoleNames) {
    if (r.role == role) return r.name;
  }
  return "body";
}

bool role_from_name(std::string_view name, Role* role) {
  for (const RoleName& r : kRoleNames) {
    if (name == r.name) {
      *role = r.role;
      return true;
    }
  }
  return false;
}

std::string role_names() {
  std::string out;
  for (std::size_t i = 0; i < std::size(kRoleNames); ++i) {
    if (i > 0) out += i + 1 == std::size(kRoleNames) ? " or " : ", ";
    out += kRoleNames[i].name;
  }
  return out;
}

}  // namespace vanban::layout
