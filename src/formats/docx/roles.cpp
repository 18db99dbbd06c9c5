#include "formats/docx/roles.h"

namespace vanban::docx {

// Word's style list shows the names, so they are Vietnamese, the names of
// Decree 30's parts of a document (Phụ lục I), prefixed "VB" to sort
// together and apart from Word's own.
StyleName style_for(const layout::Paragraph& p) {
  using layout::Role;
  switch (p.role) {
    case Role::kBody: return {"VbBody", "VB Nội dung"};
    case Role::kParentAgency: return {"VbParentAgency", "VB Cơ quan chủ quản"};
    case Role::kAgency: return {"VbAgency", "VB Cơ quan ban hành"};
    case Role::kNationalMotto: return {"VbNationalMotto", "VB Quốc hiệu"};
    case Role::kTagline: return {"VbTagline", "VB Tiêu ngữ"};
    case Role::kNumber: return {"VbNumber", "VB Số, ký hiệu"};
    case Role::kPlaceDate: return {"VbPlaceDate", "VB Địa danh, ngày tháng"};
    case Role::kDocType: return {"VbDocType", "VB Tên loại"};
    case Role::kTitle: return {"VbTitle", "VB Trích yếu, tiêu đề"};
    case Role::kHeading: return {"VbHeading", "VB Đề mục"};
    case Role::kListItem: return {"VbListItem", "VB Gạch đầu dòng"};
    case Role::kSignerAuthority: return {"VbSignerAuthority", "VB Quyền hạn ký"};
    case Role::kSignerPosition: return {"VbSignerPosition", "VB Chức vụ người ký"};
    case Role::kSignerName: return {"VbSignerName", "VB Họ tên người ký"};
    case Role::kRecipientsHeading: return {"VbRecipientsHeading", "VB Nơi nhận"};
    case Role::kRecipient: return {"VbRecipient", "VB Nơi nhận, dòng"};
    case Role::kCategory: return {"VbCategory", "VB Chuyên mục"};
    case Role::kSapo: return {"VbSapo", "VB Sapo"};
    case Role::kCaption: return {"VbCaption", "VB Chú thích ảnh"};
    case Role::kByline: return {"VbByline", "VB Tác giả"};
  }
  return {"VbBody", "VB Nội dung"};
}

}  // namespace vanban::docx
