<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>BatchEditDialog</name>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="66"/>
        <source>Change selected items</source>
        <translation>Thay đổi các mục đã chọn</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="68"/>
        <source>Change %n selected items</source>
        <translation>
            <numerusform>Thay đổi %n mục đã chọn</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="75"/>
        <source>Sections: %1, tasks: %2, paragraphs of text: %3. Every field is left as it is unless you change it here.</source>
        <translation>Mục: %1, nhiệm vụ: %2, đoạn văn: %3. Ô nào không đổi ở đây thì giữ nguyên như cũ.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="82"/>
        <source>Paragraphs of text carry no lead unit, coordinating units or deadline: those are left as they are on them.</source>
        <translation>Đoạn văn không có cơ quan chủ trì, phối hợp hay thời hạn: các đoạn văn được giữ nguyên.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="89"/>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="110"/>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="123"/>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="148"/>
        <source>(leave unchanged)</source>
        <translation>(giữ nguyên)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="90"/>
        <source>Section</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="90"/>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="91"/>
        <source>Paragraph of text</source>
        <translation>Đoạn văn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="100"/>
        <source>Some of the selected items hold others: they cannot become paragraphs.</source>
        <translation>Một số mục đã chọn có mục con nên không chuyển thành đoạn văn được.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="111"/>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="222"/>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="124"/>
        <source>Add the units ticked</source>
        <translation>Thêm các đơn vị được đánh dấu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="125"/>
        <source>Replace them with the units ticked</source>
        <translation>Thay bằng các đơn vị được đánh dấu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="126"/>
        <source>Remove the units ticked</source>
        <translation>Bỏ các đơn vị được đánh dấu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="131"/>
        <source>Type to find a unit…</source>
        <translation>Gõ để tìm đơn vị…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="149"/>
        <source>Set to</source>
        <translation>Đặt là</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="150"/>
        <source>Remove the deadline</source>
        <translation>Bỏ thời hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="155"/>
        <source>e.g. Quý IV/2026, 30/11/2026, Thường xuyên</source>
        <translation>VD: Quý IV/2026, 30/11/2026, Thường xuyên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="167"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="169"/>
        <source>&amp;Lead unit:</source>
        <translation>&amp;Chủ trì:</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="174"/>
        <source>C&amp;oordinating units:</source>
        <translation>&amp;Phối hợp:</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="181"/>
        <source>&amp;Deadline:</source>
        <translation>&amp;Thời hạn:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="194"/>
        <source>Change %n items</source>
        <translation>
            <numerusform>Thay đổi %n mục</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="226"/>
        <source>Now: %1</source>
        <translation>Hiện nay: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="299"/>
        <source>not understood</source>
        <translation>không hiểu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="303"/>
        <source>recurring, no fixed date</source>
        <translation>thường xuyên, không có ngày cụ thể</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="306"/>
        <source>due %1</source>
        <translation>hạn %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="329"/>
        <source>Every coordinating unit of the selected items will be taken away. To take away only some, choose «Remove the units ticked».</source>
        <translation>Mọi đơn vị phối hợp của các mục đã chọn sẽ bị bỏ. Muốn bỏ chỉ một số đơn vị, hãy chọn «Bỏ các đơn vị được đánh dấu».</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="335"/>
        <source>The selected items will have the units ticked as their coordinating units, and no others.</source>
        <translation>Các mục đã chọn sẽ chỉ có các đơn vị được đánh dấu làm đơn vị phối hợp.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="339"/>
        <source>Tick the units to add or remove.</source>
        <translation>Hãy đánh dấu các đơn vị cần thêm hoặc bỏ.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="356"/>
        <source>%n of them hold a lead unit, coordinating units or a deadline: paragraphs carry none, so these are kept but not counted or reported, and are theirs again if they become tasks.</source>
        <translation>
            <numerusform>%n mục đang có cơ quan chủ trì, đơn vị phối hợp hoặc thời hạn: đoạn văn không có các thông tin này, nên chúng được giữ nguyên nhưng không được tính hay đưa vào báo cáo, và sẽ dùng lại nếu mục trở lại thành nhiệm vụ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="366"/>
        <source>%n of them will be tasks with no lead unit: choose one under Lead unit, or in the form later.</source>
        <translation>
            <numerusform>%n mục sẽ thành nhiệm vụ chưa có cơ quan chủ trì: hãy chọn ở ô Chủ trì, hoặc chọn sau trong biểu mẫu.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="410"/>
        <source>«%1» fits several units (%2): choose one from the list.</source>
        <translation>«%1» khớp với nhiều đơn vị (%2): hãy chọn một đơn vị trong danh sách.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="414"/>
        <source>No unit is named «%1». Choose one from the list (Plan → Units… adds one).</source>
        <translation>Không có đơn vị nào tên «%1». Hãy chọn trong danh sách (thêm đơn vị ở Kế hoạch → Đơn vị…).</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="445"/>
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_edit_dialog.py" line="455"/>
        <source>A unit cannot lead an item it coordinates: to make it lead them, choose «Remove the units ticked» under Coordinating units and tick it.</source>
        <translation>Một đơn vị không thể vừa chủ trì vừa phối hợp cùng một mục: muốn giao đơn vị này chủ trì, ở ô Phối hợp chọn «Bỏ các đơn vị được đánh dấu» và đánh dấu đơn vị đó.</translation>
    </message>
</context>
<context>
    <name>BatchEditing</name>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_editing.py" line="66"/>
        <source>Change %n items</source>
        <extracomment>Reselects the items of an undone or redone step: (items, the one to make current).</extracomment>
        <translation>Thay đổi %n mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_editing.py" line="107"/>
        <source>Delete %n items</source>
        <translation>Xóa %n mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_editing.py" line="225"/>
        <source>%n items selected. The form shows one of them: %1.</source>
        <translation>Đã chọn %n mục. Biểu mẫu đang hiện một trong số đó: %1.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_editing.py" line="229"/>
        <source>They move together when they stand side by side under one heading.</source>
        <translation>Các mục chỉ chuyển cùng nhau khi chúng nằm liền nhau dưới cùng một mục.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_editing.py" line="336"/>
        <source>Nothing is selected in the plan tree: click an item first.</source>
        <translation>Chưa chọn mục nào trong cây kế hoạch: hãy bấm chọn một mục trước.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_editing.py" line="350"/>
        <source>Changed %n items.</source>
        <translation>Đã thay đổi %n mục.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_editing.py" line="351"/>
        <source>Nothing changed: the selected items already have these values.</source>
        <translation>Không có gì thay đổi: các mục đã chọn đã mang đúng các giá trị này.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_editing.py" line="375"/>
        <source>Delete these %n items?</source>
        <translation>Xóa %n mục này?</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_editing.py" line="378"/>
        <source>… and %n more</source>
        <translation>… và %n mục khác</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_editing.py" line="382"/>
        <source>The %n items under them will be deleted too.</source>
        <translation>%n mục con của chúng cũng bị xóa theo.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_editing.py" line="385"/>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>Có thể hoàn tác bằng Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/batch_editing.py" line="389"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/block_moves.py" line="123"/>
        <source>Move %n items up</source>
        <extracomment>An item&apos;s place: (item, parent (None: the top level), position among its siblings). The names of the steps in the Edit menu (&quot;Hoàn tác: Chuyển 3 mục lên&quot;).</extracomment>
        <translation>Chuyển %n mục lên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/block_moves.py" line="124"/>
        <source>Move %n items down</source>
        <translation>Chuyển %n mục xuống</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/block_moves.py" line="125"/>
        <source>Indent %n items</source>
        <translation>Lùi vào %n mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/block_moves.py" line="126"/>
        <source>Outdent %n items</source>
        <translation>Lùi ra %n mục</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../dienchau_desktop/ui/date_field.py" line="23"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
</context>
<context>
    <name>FilteredExport</name>
    <message>
        <location filename="../../dienchau_desktop/ui/filtered_export.py" line="92"/>
        <source>Nothing to export</source>
        <extracomment>The filter bar&apos;s states as a printed list names them.</extracomment>
        <translation>Không có gì để xuất</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filtered_export.py" line="93"/>
        <source>The filter shows no task. Change or clear the filter first.</source>
        <translation>Bộ lọc không cho thấy nhiệm vụ nào. Hãy đổi hoặc bỏ bộ lọc trước.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filtered_export.py" line="113"/>
        <source>Export the filtered tree as</source>
        <translation>Lưu cây đang lọc thành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filtered_export.py" line="158"/>
        <source>Cannot write %1: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filtered_export.py" line="166"/>
        <source>Cannot export</source>
        <translation>Không xuất được</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filtered_export.py" line="172"/>
        <source>The filtered tree is saved as:
%1</source>
        <translation>Đã lưu cây đang lọc thành:
%1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filtered_export.py" line="175"/>
        <source>Filtered tree exported</source>
        <translation>Đã xuất cây đang lọc</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filtered_export.py" line="180"/>
        <source>Open file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filtered_export.py" line="183"/>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filtered_export.py" line="187"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../dienchau_desktop/ui/help_dialog.py" line="87"/>
        <source>User guide</source>
        <extracomment>The guide, inside the resources folder (packaged by build/dienchau_desktop.spec). The in-text table of contents: a heading the side list does not repeat. Sized to sit on a 1366×768 screen (taskbar included) with the main window behind it.</extracomment>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/help_dialog.py" line="99"/>
        <location filename="../../dienchau_desktop/ui/help_dialog.py" line="114"/>
        <source>Contents</source>
        <translation>Mục lục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/help_dialog.py" line="103"/>
        <source>Find in the guide… (Enter: next)</source>
        <translation>Tìm trong hướng dẫn… (Enter: tìm tiếp)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/help_dialog.py" line="107"/>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/help_dialog.py" line="143"/>
        <source>The user guide is missing: %1</source>
        <translation>Không tìm thấy tệp hướng dẫn: %1</translation>
    </message>
</context>
<context>
    <name>MailDraftDialog</name>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="71"/>
        <source>Compose an email</source>
        <translation>Soạn thư gửi</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="77"/>
        <source>e.g. vanphong@nghean.gov.vn</source>
        <translation>VD: vanphong@nghean.gov.vn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="81"/>
        <source>Save as the plan&apos;s report address</source>
        <translation>Lưu làm địa chỉ nhận báo cáo của kế hoạch</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="89"/>
        <source>The plan&apos;s report address is set in %1 → %2, «%3».</source>
        <translation>Địa chỉ nhận báo cáo của kế hoạch được đặt ở %1 → %2, «%3».</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="99"/>
        <source>Add a file…</source>
        <translation>Thêm tệp…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="101"/>
        <source>Remove the file</source>
        <translation>Bỏ tệp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="106"/>
        <source>To</source>
        <translation>Gửi đến</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="109"/>
        <source>Subject</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="110"/>
        <source>Message</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="115"/>
        <source>Attached</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="117"/>
        <source>The draft is saved in the «Thư đi» folder beside the data file; open it in your mail program and send it when the internet is up.</source>
        <translation>Thư nháp được lưu vào thư mục «Thư đi» bên cạnh tệp dữ liệu; mở thư bằng chương trình thư điện tử và gửi khi có mạng.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="122"/>
        <source>Save the draft</source>
        <translation>Lưu thư nháp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="150"/>
        <source>Attach files</source>
        <translation>Chọn tệp đính kèm</translation>
    </message>
</context>
<context>
    <name>MailDrafting</name>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="297"/>
        <source>%1 draft(s) saved in «%2»:</source>
        <translation>Đã lưu %1 thư nháp vào «%2»:</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="302"/>
        <source>Over 25 MB, which most mailboxes refuse: %1</source>
        <translation>Quá 25 MB, nhiều hộp thư sẽ không nhận: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="307"/>
        <source>No email address, so no draft: %1</source>
        <translation>Chưa có địa chỉ thư nên không soạn thư cho: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="309"/>
        <source>Email drafts</source>
        <translation>Thư nháp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="314"/>
        <source>Open the draft</source>
        <translation>Mở thư nháp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="320"/>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="389"/>
        <source>Copy the path</source>
        <translation>Chép đường dẫn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="332"/>
        <source>No mail program could open the draft «%1». It is in:
%2</source>
        <translation>Không có chương trình thư điện tử nào mở được thư nháp «%1». Thư nằm ở:
%2</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="348"/>
        <source>Choose the files to send</source>
        <translation>Chọn các tệp cần gửi</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="382"/>
        <source>Outbox</source>
        <translation>Thư đi</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="383"/>
        <source>No program could open the outbox folder. The drafts are in:
%1</source>
        <translation>Không có chương trình nào mở được thư mục Thư đi. Thư nháp nằm ở:
%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="65"/>
        <source>Add &amp;section</source>
        <translation>Thêm &amp;mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="73"/>
        <source>Add &amp;task</source>
        <translation>Thêm &amp;nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="81"/>
        <source>Add s&amp;ub-item</source>
        <translation>Thêm mục &amp;con</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="99"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Xóa…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="107"/>
        <source>Move &amp;up</source>
        <translation>Chuyển &amp;lên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="115"/>
        <source>Move do&amp;wn</source>
        <translation>Chuyển &amp;xuống</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="123"/>
        <source>&amp;Indent</source>
        <translation>Lùi &amp;vào</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="131"/>
        <source>&amp;Outdent</source>
        <translation>Lùi &amp;ra</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="139"/>
        <source>&amp;Rename in place</source>
        <translation>Sửa &amp;tiêu đề tại chỗ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="90"/>
        <source>C&amp;hange selected items…</source>
        <translation>Thay đổ&amp;i các mục đã chọn…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="145"/>
        <source>&amp;Find</source>
        <translation>&amp;Tìm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="148"/>
        <source>&amp;Clear filter</source>
        <translation>Bỏ &amp;lọc</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="151"/>
        <source>Go to the &amp;form</source>
        <translation>Đến &amp;biểu mẫu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="154"/>
        <source>&amp;Expand all</source>
        <translation>&amp;Mở rộng tất cả</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="157"/>
        <source>C&amp;ollapse all</source>
        <translation>&amp;Thu gọn tất cả</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="160"/>
        <source>&amp;Units…</source>
        <translation>&amp;Đơn vị…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="164"/>
        <source>&amp;Export a report…</source>
        <translation>&amp;Xuất báo cáo…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="170"/>
        <source>&amp;Compose an email with files…</source>
        <translation>&amp;Soạn thư gửi kèm tệp…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="177"/>
        <source>Send to the &amp;units…</source>
        <translation>Gửi cho các đơn &amp;vị…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="182"/>
        <source>Open the &amp;outbox</source>
        <translation>Mở thư mục Thư đ&amp;i</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="186"/>
        <source>&amp;Reminders…</source>
        <translation>&amp;Nhắc việc…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="190"/>
        <source>Export the &amp;filtered tree…</source>
        <translation>Xuất &amp;cây đang lọc…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="195"/>
        <source>&amp;Print the filtered tree…</source>
        <translation>&amp;In cây đang lọc…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="199"/>
        <source>Reporting &amp;periods…</source>
        <translation>&amp;Kỳ báo cáo…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="203"/>
        <source>&amp;Overview</source>
        <translation>&amp;Tổng quan</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="209"/>
        <source>Plan &amp;tree</source>
        <translation>&amp;Cây kế hoạch</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="215"/>
        <source>Tasks by &amp;unit</source>
        <translation>Nhiệm vụ theo &amp;đơn vị</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="221"/>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="86"/>
        <source>Plan &amp;properties…</source>
        <translation>&amp;Thông tin kế hoạch…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="225"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="228"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="232"/>
        <source>Import a &amp;plan document…</source>
        <translation>Nhập &amp;kế hoạch từ văn bản…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="237"/>
        <source>&amp;Import units&apos; returns…</source>
        <translation>&amp;Nhập báo cáo của đơn vị…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="243"/>
        <source>Save a &amp;copy to another folder (USB)…</source>
        <translation>Lưu &amp;bản sao ra thư mục khác (USB)…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="248"/>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="253"/>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="259"/>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="264"/>
        <source>&amp;About…</source>
        <translation>&amp;Giới thiệu…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="269"/>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="124"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="276"/>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="129"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="124"/>
        <source>&amp;Undo: %1</source>
        <translation>&amp;Hoàn tác: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="129"/>
        <source>&amp;Redo: %1</source>
        <translation>&amp;Làm lại: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="295"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="304"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="316"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="325"/>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="85"/>
        <source>&amp;Plan</source>
        <translation>&amp;Kế hoạch</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="328"/>
        <source>&amp;Reports</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="334"/>
        <source>&amp;Help</source>
        <translation>T&amp;rợ giúp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/actions.py" line="341"/>
        <source>Main toolbar</source>
        <translation>Thanh công cụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="109"/>
        <source>Plan:</source>
        <translation>Kế hoạch:</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filter_bar.py" line="48"/>
        <source>Search (diacritics optional)… Ctrl+F</source>
        <extracomment>The pause after a keystroke in the search box before the tree is filtered (ms).</extracomment>
        <translation>Tìm (gõ có dấu hay không dấu đều được)… Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filter_bar.py" line="59"/>
        <source>All states</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filter_bar.py" line="60"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filter_bar.py" line="61"/>
        <source>Due within 7 days</source>
        <translation>Đến hạn trong 7 ngày</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filter_bar.py" line="63"/>
        <source>Within time</source>
        <translation>Trong hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filter_bar.py" line="65"/>
        <source>Recurring</source>
        <translation>Thường xuyên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filter_bar.py" line="67"/>
        <source>No deadline</source>
        <translation>Chưa có hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filter_bar.py" line="71"/>
        <source>Due within</source>
        <translation>Đến hạn trong</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filter_bar.py" line="75"/>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filter_bar.py" line="77"/>
        <source>Breakthrough only</source>
        <translation>Chỉ nhiệm vụ đột phá</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="166"/>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="167"/>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="179"/>
        <source>Data file: %1</source>
        <translation>Tệp dữ liệu: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_recording.py" line="126"/>
        <location filename="../../dienchau_desktop/ui/progress_recording.py" line="138"/>
        <source>Progress not recorded</source>
        <translation>Tiến độ chưa được ghi</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_recording.py" line="127"/>
        <source>You typed progress for «%1» but did not record it. Record it now?</source>
        <translation>Bạn đã nhập tiến độ cho nhiệm vụ «%1» nhưng chưa ghi. Ghi ngay bây giờ?</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/urgency_notice.py" line="47"/>
        <source>No task is overdue or due within 7 days.</source>
        <translation>Không có nhiệm vụ quá hạn hay đến hạn trong 7 ngày.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/urgency_notice.py" line="51"/>
        <source>%1 tasks overdue, %2 due within 7 days.</source>
        <translation>%1 nhiệm vụ quá hạn, %2 nhiệm vụ đến hạn trong 7 ngày.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/urgency_notice.py" line="53"/>
        <source>See the list</source>
        <translation>Xem danh sách</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filter_bar.py" line="146"/>
        <source>All lead units</source>
        <translation>Mọi cơ quan chủ trì</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_loading.py" line="131"/>
        <source>%1 tasks</source>
        <extracomment>How long after showing a plan its progress is loaded (ms): after the first paint.</extracomment>
        <translation>%1 nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_flow.py" line="63"/>
        <source>No backup yet</source>
        <translation>Chưa có bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_flow.py" line="66"/>
        <source>Last backup: %1</source>
        <translation>Sao lưu gần nhất: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_recording.py" line="139"/>
        <source>The progress typed for «%1» was not recorded: %2</source>
        <translation>Tiến độ đã nhập cho nhiệm vụ «%1» chưa được ghi: %2</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="68"/>
        <source>Add unit «%1» as lead</source>
        <translation>Thêm đơn vị «%1» làm chủ trì</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="77"/>
        <source>Change title</source>
        <translation>Đổi tiêu đề</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="92"/>
        <source>New section</source>
        <translation>Mục mới</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="94"/>
        <source>Add section</source>
        <translation>Thêm mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="117"/>
        <source>New task</source>
        <translation>Nhiệm vụ mới</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="101"/>
        <source>Add task</source>
        <translation>Thêm nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="114"/>
        <source>Add sub-item</source>
        <translation>Thêm mục con</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="147"/>
        <source>Delete «%1»?</source>
        <translation>Xóa «%1»?</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="151"/>
        <source>The %1 items under it will be deleted too.</source>
        <translation>%1 mục bên dưới cũng sẽ bị xóa.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="154"/>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>Có thể hoàn tác bằng Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="158"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="173"/>
        <source>Delete item</source>
        <translation>Xóa mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="187"/>
        <source>Move up</source>
        <translation>Chuyển lên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="190"/>
        <source>Move down</source>
        <translation>Chuyển xuống</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="193"/>
        <source>Indent</source>
        <translation>Lùi vào</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="196"/>
        <source>Outdent</source>
        <translation>Lùi ra</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="206"/>
        <source>Move item</source>
        <translation>Di chuyển mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/filter_bar.py" line="156"/>
        <source>%1 found</source>
        <translation>Tìm thấy %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_recording.py" line="42"/>
        <source>The selection changed before recording; check the task and record again.</source>
        <translation>Nhiệm vụ đang chọn đã thay đổi trước khi ghi; hãy kiểm tra lại nhiệm vụ rồi ghi lại.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_recording.py" line="58"/>
        <source>Record progress</source>
        <translation>Ghi tiến độ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_recording.py" line="69"/>
        <source>Progress recorded.</source>
        <translation>Đã ghi tiến độ.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="293"/>
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_flow.py" line="51"/>
        <source>Backup failed: %1</source>
        <extracomment>How long after start the daily backup is made (ms): the window first. How long after start a large data file is integrity-checked (ms).</extracomment>
        <translation>Sao lưu không thành công: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_flow.py" line="85"/>
        <source>The data file is damaged</source>
        <translation>Tệp dữ liệu bị hỏng</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_flow.py" line="86"/>
        <source>SQLite found damage in the data file:
%1

Restore it from a backup?</source>
        <translation>SQLite phát hiện tệp dữ liệu bị hỏng:
%1

Khôi phục từ bản sao lưu?</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_flow.py" line="106"/>
        <source>Backed up to %1</source>
        <translation>Đã sao lưu vào %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_flow.py" line="114"/>
        <source>Choose a folder (a USB stick)</source>
        <translation>Chọn thư mục (ổ USB)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_flow.py" line="126"/>
        <source>Copy saved: %1</source>
        <translation>Đã lưu bản sao: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_flow.py" line="138"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_flow.py" line="139"/>
        <source>Replace the data file with the backup of %1? The file as it is now is backed up first.</source>
        <translation>Thay tệp dữ liệu bằng bản sao lưu %1? Tệp hiện tại sẽ được sao lưu trước.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_flow.py" line="166"/>
        <source>Restored from %1</source>
        <translation>Đã khôi phục từ %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/import_flows.py" line="34"/>
        <location filename="../../dienchau_desktop/ui/import_flows.py" line="52"/>
        <source>Import a plan document</source>
        <translation>Nhập kế hoạch từ văn bản</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/import_flows.py" line="35"/>
        <source>Plan documents (*.docx *.xlsx *.txt)</source>
        <translation>Văn bản kế hoạch (*.docx *.xlsx *.txt)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/import_flows.py" line="57"/>
        <source>%1

Import it as a plan anyway? Its numbered points (the conclusions) become tasks; you will see them before anything is added.</source>
        <translation>%1

Vẫn nhập như một kế hoạch? Các điểm đánh số (các kết luận) sẽ thành nhiệm vụ; chị sẽ xem lại trước khi thêm.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/import_flows.py" line="88"/>
        <source>Plan added: check the lead units and set the deadlines.</source>
        <translation>Đã thêm kế hoạch: hãy kiểm tra cơ quan chủ trì và đặt thời hạn.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/import_flows.py" line="129"/>
        <source>Import %1</source>
        <translation>Nhập %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/import_flows.py" line="134"/>
        <source>%1 progress entries recorded from the returns.</source>
        <translation>Đã ghi %1 mục tiến độ từ báo cáo của đơn vị.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/item_editing.py" line="221"/>
        <source>Change plan properties</source>
        <translation>Đổi thông tin kế hoạch</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="344"/>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="346"/>
        <source>&lt;b&gt;Plan tracker&lt;/b&gt; %1&lt;br&gt;Tracks the plans of the commune People&apos;s Committee, their tasks and progress.&lt;br&gt;&lt;br&gt;Data file:&lt;br&gt;%2</source>
        <translation>&lt;b&gt;Theo dõi kế hoạch&lt;/b&gt; %1&lt;br&gt;Theo dõi các kế hoạch của UBND xã, nhiệm vụ và tiến độ thực hiện.&lt;br&gt;&lt;br&gt;Tệp dữ liệu:&lt;br&gt;%2</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/evidence_commands.py" line="113"/>
        <source>%1 files</source>
        <translation>%1 tệp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/evidence_commands.py" line="115"/>
        <source>Attach %1</source>
        <translation>Đính kèm %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/evidence_commands.py" line="120"/>
        <source>%1 file(s) attached as evidence.</source>
        <translation>Đã đính kèm %1 tệp minh chứng.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/evidence_commands.py" line="132"/>
        <source>Remove %1</source>
        <translation>Gỡ %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/evidence_commands.py" line="137"/>
        <source>«%1» removed; Ctrl+Z puts it back.</source>
        <translation>Đã gỡ «%1»; Ctrl+Z để lấy lại.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/evidence_commands.py" line="153"/>
        <source>No program opens «%1»; a copy is in %2.</source>
        <translation>Không có chương trình nào mở được «%1»; bản sao ở %2.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="126"/>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="130"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="130"/>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="146"/>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="148"/>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="192"/>
        <source>Tasks</source>
        <translation>Số nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="146"/>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="150"/>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="146"/>
        <source>Section</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="147"/>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="149"/>
        <source>% done</source>
        <translation>% hoàn thành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="148"/>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="150"/>
        <source>Lead unit</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="150"/>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="150"/>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="151"/>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="151"/>
        <source>Latest report</source>
        <translation>Báo cáo gần nhất</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="154"/>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="154"/>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="154"/>
        <source>Unit of measure</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="155"/>
        <source>Reached</source>
        <translation>Đạt được</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="175"/>
        <source>Double-click to list these tasks.</source>
        <translation>Nhấp đúp để xem danh sách các nhiệm vụ này.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="182"/>
        <source>By section</source>
        <translation>Theo mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="183"/>
        <source>By lead unit</source>
        <translation>Theo cơ quan chủ trì</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="184"/>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="216"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="185"/>
        <source>Due within 7 days</source>
        <translation>Đến hạn trong 7 ngày</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="186"/>
        <source>Indicators</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="202"/>
        <source>Completed on time</source>
        <translation>Hoàn thành đúng hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="203"/>
        <source>Completed late</source>
        <translation>Hoàn thành quá hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="204"/>
        <source>Completed</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="205"/>
        <source>In progress, within time</source>
        <translation>Đang thực hiện, trong hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="206"/>
        <source>Not completed, overdue</source>
        <translation>Chưa hoàn thành, quá hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="212"/>
        <source>Done on time</source>
        <translation>HT đúng hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="213"/>
        <source>Done late</source>
        <translation>HT quá hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="214"/>
        <source>Done</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="215"/>
        <source>In progress</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="252"/>
        <source>Whole plan</source>
        <translation>Toàn kế hoạch</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="266"/>
        <source>all</source>
        <comment>every task of the section or unit, whatever its state</comment>
        <translation>tất cả</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="268"/>
        <source>%1 — %2: %3 tasks. Double-click a task or press Enter to open it.</source>
        <translation>%1 — %2: %3 nhiệm vụ. Nhấp đúp vào một nhiệm vụ hoặc nhấn Enter để mở nhiệm vụ đó.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="272"/>
        <source>Tasks (%1)</source>
        <translation>Nhiệm vụ (%1)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="280"/>
        <source>As of today</source>
        <translation>Tính đến hôm nay</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="293"/>
        <source>as of today</source>
        <translation>tính đến hôm nay</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="295"/>
        <source>%1 — cut-off %2 — %3 tasks, %4% done</source>
        <translation>%1 — chốt số liệu %2 — %3 nhiệm vụ, tiến độ chung %4%</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="320"/>
        <source>Overdue (%1)</source>
        <translation>Quá hạn (%1)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/overview_page.py" line="322"/>
        <source>Due within 7 days (%1)</source>
        <translation>Đến hạn trong 7 ngày (%1)</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../dienchau_desktop/ui/pdf_preview.py" line="77"/>
        <source>Preview: %1</source>
        <extracomment>Printing resolution: enough for 11 pt text, and an A4 page image stays near 35 MB.</extracomment>
        <translation>Xem trước: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/pdf_preview.py" line="85"/>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/pdf_preview.py" line="86"/>
        <source>Whole page</source>
        <translation>Cả trang</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dienchau_desktop/ui/pdf_preview.py" line="90"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n trang</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/pdf_preview.py" line="91"/>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/pdf_preview.py" line="98"/>
        <source>Zoom</source>
        <translation>Thu phóng</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/pdf_preview.py" line="130"/>
        <source>Print %1</source>
        <translation>In %1</translation>
    </message>
</context>
<context>
    <name>PeriodEditor</name>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="56"/>
        <source>New period</source>
        <translation>Kỳ báo cáo mới</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="56"/>
        <source>Edit period</source>
        <translation>Sửa kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="59"/>
        <source>6 months</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="60"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="61"/>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="62"/>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="63"/>
        <source>Ad hoc</source>
        <translation>Đột xuất</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="71"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="72"/>
        <source>empty: %1 working days after the cut-off</source>
        <translation>để trống: %1 ngày làm việc sau ngày chốt</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="78"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="79"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="80"/>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="92"/>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="81"/>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="93"/>
        <source>Cut-off date</source>
        <translation>Ngày chốt số liệu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="82"/>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="94"/>
        <source>Report due</source>
        <translation>Hạn gửi báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="96"/>
        <source>Both dates are needed.</source>
        <translation>Cần nhập cả ngày bắt đầu và ngày chốt số liệu.</translation>
    </message>
</context>
<context>
    <name>PeriodsDialog</name>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="127"/>
        <source>Reporting periods</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="130"/>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="130"/>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="130"/>
        <source>Cut-off date</source>
        <translation>Ngày chốt số liệu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="131"/>
        <source>Report due</source>
        <translation>Hạn gửi báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="131"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="147"/>
        <source>with quarters</source>
        <translation>kèm các quý</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="148"/>
        <source>Create the usual periods</source>
        <translation>Tạo các kỳ thường lệ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="150"/>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="152"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="154"/>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="227"/>
        <source>&amp;Close period</source>
        <translation>&amp;Khóa kỳ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="156"/>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="158"/>
        <source>Delete a period made by mistake (only one without progress entries)</source>
        <translation>Xóa kỳ báo cáo tạo nhầm (chỉ kỳ chưa ghi tiến độ nào)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="162"/>
        <source>Delete period</source>
        <translation>Xóa kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="168"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="170"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="181"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="207"/>
        <source>closed</source>
        <translation>đã khóa</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="207"/>
        <source>open</source>
        <translation>đang mở</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="227"/>
        <source>&amp;Reopen period</source>
        <translation>&amp;Mở khóa kỳ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="243"/>
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="276"/>
        <source>Close period</source>
        <translation>Khóa kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="277"/>
        <source>Close «%1»? Its progress entries become read-only.</source>
        <translation>Khóa «%1»? Tiến độ đã ghi trong kỳ sẽ chỉ được xem, không sửa.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="292"/>
        <source>Delete period «%1»</source>
        <translation>Xóa kỳ báo cáo «%1»</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="296"/>
        <source>Cannot delete the period</source>
        <translation>Không xóa được kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/periods_dialog.py" line="301"/>
        <source>Period «%1» deleted. Ctrl+Z brings it back.</source>
        <translation>Đã xóa kỳ báo cáo «%1». Nhấn Ctrl+Z để lấy lại.</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="31"/>
        <source>Plan properties</source>
        <translation>Thông tin kế hoạch</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="42"/>
        <source>dd/mm/yyyy, or empty</source>
        <translation>dd/mm/yyyy, hoặc để trống</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="46"/>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="56"/>
        <source>e.g. vanphong@nghean.gov.vn</source>
        <translation>VD: vanphong@nghean.gov.vn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="58"/>
        <source>Where this plan&apos;s reports are sent: the address the email drafts go to. Several addresses are separated by commas.</source>
        <translation>Nơi nhận báo cáo của kế hoạch: địa chỉ các thư nháp được gửi đến. Nhiều địa chỉ cách nhau bằng dấu phẩy.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="64"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="65"/>
        <source>Symbol</source>
        <translation>Ký hiệu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="66"/>
        <source>Document type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="67"/>
        <source>Title (subject)</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="68"/>
        <source>Parent body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="69"/>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="70"/>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="71"/>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="95"/>
        <source>Issue date</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="72"/>
        <source>Date as printed</source>
        <translation>Ngày tháng như in trên văn bản</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="73"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="74"/>
        <source>Signing authority</source>
        <translation>Thẩm quyền ký</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="75"/>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="76"/>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="77"/>
        <source>Legal bases (one per line)</source>
        <translation>Căn cứ (mỗi dòng một căn cứ)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="78"/>
        <source>Recipients (one per line)</source>
        <translation>Nơi nhận (mỗi dòng một nơi)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="87"/>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="79"/>
        <source>Email reports to</source>
        <translation>Thư điện tử nhận báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="121"/>
        <source>The title cannot be empty.</source>
        <translation>Trích yếu không được để trống.</translation>
    </message>
</context>
<context>
    <name>PlanReviewDialog</name>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="56"/>
        <source>Review the plan before adding it</source>
        <translation>Xem lại kế hoạch trước khi thêm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="73"/>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="73"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="73"/>
        <source>Title</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="74"/>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="285"/>
        <source>Lead unit</source>
        <translation>Cơ quan chủ trì</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="74"/>
        <source>Coordinating units</source>
        <translation>Cơ quan phối hợp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="75"/>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="307"/>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="94"/>
        <source>Not understood or skipped (%n):</source>
        <translation>
            <numerusform>Chưa hiểu hoặc đã bỏ qua (%n):</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="95"/>
        <source>Everything in the document was read.</source>
        <translation>Đã đọc được toàn bộ văn bản.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="110"/>
        <source>Make section</source>
        <translation>Thành mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="111"/>
        <source>Make task</source>
        <translation>Thành nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="112"/>
        <source>Make paragraph</source>
        <translation>Thành đoạn văn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="113"/>
        <source>Lead unit…</source>
        <translation>Cơ quan chủ trì…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="114"/>
        <source>Deadline…</source>
        <translation>Thời hạn…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="115"/>
        <source>Drop</source>
        <translation>Bỏ đi</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="116"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="146"/>
        <source>Add the plan</source>
        <translation>Thêm kế hoạch</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="154"/>
        <source>Select rows (Ctrl+click for several, Shift+click for a range), then change their kind, lead unit or deadline, or drop them. Nothing is added until you press «Add the plan».</source>
        <translation>Chọn dòng (giữ Ctrl khi bấm để chọn nhiều dòng, giữ Shift để chọn liền một đoạn), rồi đổi loại mục, cơ quan chủ trì, thời hạn hoặc bỏ đi. Chưa có gì được thêm cho đến khi bấm «Thêm kế hoạch».</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="176"/>
        <source>Section</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="176"/>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="177"/>
        <source>Paragraph</source>
        <translation>Đoạn văn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="218"/>
        <source>%1 sections, %2 tasks, %3 paragraphs of text, %4 units.</source>
        <translation>%1 mục, %2 nhiệm vụ, %3 đoạn văn, %4 đơn vị.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="241"/>
        <source>%n selected:</source>
        <translation>
            <numerusform>Đã chọn %n:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="264"/>
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="287"/>
        <source>Lead unit of the %n selected items (empty: none):</source>
        <translation>
            <numerusform>Cơ quan chủ trì của %n mục đã chọn (để trống: không có):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="308"/>
        <source>Deadline of the %n selected items, as written (e.g. Quý IV/2026, 30/11/2026, Thường xuyên; empty: none):</source>
        <translation>
            <numerusform>Thời hạn của %n mục đã chọn, ghi như trong văn bản (ví dụ Quý IV/2026, 30/11/2026, Thường xuyên; để trống: không có):</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="325"/>
        <source>Drop %1 items and the %2 items they hold?</source>
        <translation>Bỏ %1 mục cùng %2 mục con của chúng?</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_review.py" line="328"/>
        <source>Drop items</source>
        <translation>Bỏ mục</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="702"/>
        <source>No.</source>
        <extracomment>An item&apos;s flags by (may hold children, holds none now, is the title column). &quot;Never has children&quot; on a row without any spares the view a call of hasChildren for each such row when it lays the tree out again (after every add, delete and move: 2,000 calls into Python with a search active in a district plan); the view asks the flags again once the row has children. An edit typed in the view: item id, field name, new value. A drop: item id, new parent id (or None), new position. How many tasks are in each state, kept as they change: counting 10,000 tasks after each edit took a millisecond of it. Each item&apos;s tasks&apos; sums for a group&apos;s percent (the weighted mean): (weights, percents × weights, tasks, any percent reported). A parent adds its children&apos;s, so an edit deep in a big section does not go through all of its tasks again for each group above it.</extracomment>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="703"/>
        <source>Title</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="704"/>
        <source>Lead unit</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="705"/>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="706"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="707"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="776"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="777"/>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="778"/>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="795"/>
        <source>Completed</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="779"/>
        <source>Within time</source>
        <translation>Trong hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="780"/>
        <source>Recurring</source>
        <translation>Thường xuyên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="781"/>
        <source>No deadline</source>
        <translation>Chưa có hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="792"/>
        <source>Not reported</source>
        <translation>Chưa báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="793"/>
        <source>Not started</source>
        <translation>Chưa thực hiện</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="794"/>
        <source>In progress</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="796"/>
        <source>Paused</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="797"/>
        <source>Not carried out</source>
        <translation>Không thực hiện</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="810"/>
        <source>Status: %1</source>
        <translation>Trạng thái: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="812"/>
        <source>Lead unit: %1</source>
        <translation>Chủ trì: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="815"/>
        <source>Coordinating: %1</source>
        <translation>Phối hợp: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="818"/>
        <source>Due: %1</source>
        <translation>Hạn: %1</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="64"/>
        <source>Progress</source>
        <extracomment>The history&apos;s column counting each entry&apos;s evidence files. The history&apos;s columns as wide as their contents: the date recorded, the %, the files. item id, period id, the entry&apos;s values (service keyword arguments). item id, progress entry id, the paths chosen to attach to it. attachment id: open it with the system&apos;s viewer. item id, attachment id: detach it from its entry.</extracomment>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="78"/>
        <source>This period is closed: its entries are read-only.</source>
        <extracomment>The new entry&apos;s fields hold something typed and not yet recorded. The shown task&apos;s entries (history order) and their evidence, by entry id. Reads a task&apos;s evidence (set by ui/evidence_commands.py); none: not shown.</extracomment>
        <translation>Kỳ này đã khóa: chỉ xem, không ghi thêm.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="90"/>
        <source>Not started</source>
        <translation>Chưa thực hiện</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="91"/>
        <source>In progress</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="92"/>
        <source>Completed</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="93"/>
        <source>Paused</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="94"/>
        <source>Not carried out</source>
        <translation>Không thực hiện</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="102"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="115"/>
        <source>What was done (kết quả thực hiện)</source>
        <translation>Kết quả thực hiện</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="117"/>
        <source>value reached</source>
        <translation>giá trị đạt được</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="120"/>
        <source>&amp;Record progress</source>
        <translation>&amp;Ghi tiến độ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="138"/>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="152"/>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="141"/>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="152"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="142"/>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="538"/>
        <source>Completed on</source>
        <translation>Ngày hoàn thành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="144"/>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="153"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="145"/>
        <source>Indicator reached</source>
        <translation>Chỉ tiêu đạt được</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="146"/>
        <source>Reported by</source>
        <translation>Người báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="152"/>
        <source>Recorded</source>
        <translation>Ngày ghi</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="153"/>
        <source>By</source>
        <translation>Người báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="153"/>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="158"/>
        <source>Evidence files attached to the entry (the row below lists them)</source>
        <translation>Các tệp minh chứng đính kèm lần ghi này (dòng bên dưới liệt kê)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="180"/>
        <source>Evidence:</source>
        <translation>Minh chứng:</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="187"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="188"/>
        <source>Open the file with its usual program</source>
        <translation>Mở tệp bằng chương trình thường dùng</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="190"/>
        <source>Remove</source>
        <translation>Gỡ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="192"/>
        <source>Remove the file from this entry (Ctrl+Z puts it back)</source>
        <translation>Gỡ tệp khỏi lần ghi này (Ctrl+Z để lấy lại)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="195"/>
        <source>Attach files…</source>
        <translation>Đính kèm tệp…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="197"/>
        <source>Attach scans, photos, PDFs or spreadsheets (up to 50 MB each) as evidence of the selected entry</source>
        <translation>Đính kèm bản quét, ảnh chụp, tệp PDF hoặc bảng tính (mỗi tệp tối đa 50 MB) làm minh chứng cho lần ghi đang chọn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="208"/>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="369"/>
        <source>Earlier entries</source>
        <translation>Các lần ghi trước</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="252"/>
        <source> (closed)</source>
        <translation> (đã khóa)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="299"/>
        <source> (coordinating)</source>
        <translation> (phối hợp)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="309"/>
        <source> (imported)</source>
        <translation> (nhập từ tệp)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="312"/>
        <source>A coordinating unit&apos;s part: kept here, it does not change the task&apos;s state.</source>
        <translation>Phần của đơn vị phối hợp: được lưu ở đây, không thay đổi trạng thái của nhiệm vụ.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="365"/>
        <source>Earlier entries — evidence: %n file(s), %1</source>
        <translation>
            <numerusform>Các lần ghi trước — minh chứng: %n tệp, %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="402"/>
        <source>record progress first</source>
        <translation>hãy ghi tiến độ trước</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="404"/>
        <source>none for this entry</source>
        <translation>lần ghi này chưa có</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="416"/>
        <source>Attach evidence</source>
        <translation>Đính kèm minh chứng</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="417"/>
        <source>Scans, photos, documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt *.ods *.zip);;All files (*)</source>
        <translation>Bản quét, ảnh, văn bản (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt *.ods *.zip);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="468"/>
        <source>Filled in from the entry of «%1»: not yet recorded for «%2».</source>
        <translation>Điền sẵn từ lần ghi của kỳ «%1»: chưa ghi cho kỳ «%2».</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="503"/>
        <source>%1 is after the cut-off of «%2» (%3): its report counts the task as not completed. Choose a later period if the work was done then.</source>
        <translation>Ngày %1 sau ngày chốt số liệu của kỳ «%2» (%3): báo cáo kỳ này tính nhiệm vụ là chưa hoàn thành. Nếu việc xong sau ngày chốt, hãy chọn kỳ sau.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/progress_panel.py" line="507"/>
        <source>%1 is before «%2» began (%3).</source>
        <translation>Ngày %1 trước khi kỳ «%2» bắt đầu (%3).</translation>
    </message>
</context>
<context>
    <name>ReminderList</name>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="64"/>
        <source>Reminders</source>
        <extracomment>How often the window looks whether the day has changed (ms). How long after a change the open list follows it (one refresh for a burst of edits). The role holding a task row&apos;s item id. The widest the state column grows to fit its text (pixels at 96 dpi). Text colours of the bands (dark enough to read on white; the words say it too).</extracomment>
        <translation>Nhắc việc</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="70"/>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="70"/>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="70"/>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="70"/>
        <source>When</source>
        <translation>Còn lại</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="71"/>
        <source>Latest state</source>
        <translation>Tình hình</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="87"/>
        <source>Compose reminder emails…</source>
        <translation>Soạn thư nhắc…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="90"/>
        <source>One email draft for each lead unit with an email address, listing its tasks overdue and due soon.</source>
        <translation>Mỗi cơ quan chủ trì có địa chỉ thư được soạn một thư nháp, liệt kê các nhiệm vụ quá hạn và sắp đến hạn của mình.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="124"/>
        <source>On %1 no task is overdue or due within 7 days.</source>
        <translation>Ngày %1 không có nhiệm vụ nào quá hạn hoặc đến hạn trong 7 ngày tới.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="129"/>
        <source>On %1: &lt;b&gt;%2 overdue&lt;/b&gt;, %3 due today or tomorrow, %4 within 3 days, %5 within 7 days.</source>
        <translation>Ngày %1: &lt;b&gt;%2 quá hạn&lt;/b&gt;, %3 đến hạn hôm nay hoặc ngày mai, %4 trong 3 ngày tới, %5 trong 7 ngày tới.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="181"/>
        <source>%1 — %2 task(s)</source>
        <translation>%1 — %2 nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="183"/>
        <source>, %1 overdue</source>
        <translation>, %1 quá hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="215"/>
        <source>%1 day(s) overdue</source>
        <translation>Quá hạn %1 ngày</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="216"/>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="217"/>
        <source>Due tomorrow</source>
        <translation>Đến hạn ngày mai</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="218"/>
        <source>In %1 days</source>
        <translation>Còn %1 ngày</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="376"/>
        <source>Cannot make the drafts</source>
        <extracomment>The day the list was last offered by itself (None: not yet).</extracomment>
        <translation>Không soạn được thư</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="395"/>
        <source>Reminder emails</source>
        <translation>Thư nhắc việc</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="400"/>
        <source>%1 reminder draft(s) made.</source>
        <translation>Đã soạn %1 thư nhắc.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="404"/>
        <source>No email address, so no draft: %1</source>
        <translation>Chưa có địa chỉ thư nên không soạn thư cho: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reminders.py" line="409"/>
        <source>%1 task(s) have no lead unit: nobody to remind.</source>
        <translation>%1 nhiệm vụ chưa giao cơ quan chủ trì: không có ai để nhắc.</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="81"/>
        <source>Export a report</source>
        <extracomment>The formats as the dialog lists them: PDF first, what is printed and sent upward.</extracomment>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="231"/>
        <source>Task appendix</source>
        <translation>Phụ lục danh mục nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="232"/>
        <source>Progress report for a period</source>
        <translation>Báo cáo kết quả thực hiện theo kỳ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="233"/>
        <source>Overdue and due within 7 days</source>
        <translation>Nhiệm vụ quá hạn và đến hạn trong 7 ngày</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="234"/>
        <source>Tasks of one unit</source>
        <translation>Nhiệm vụ của một đơn vị</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="235"/>
        <source>Return form for a unit (Excel)</source>
        <translation>Mẫu báo cáo gửi đơn vị (Excel)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="137"/>
        <source>left blank: Số:    /BC-UBND</source>
        <translation>để trống: Số:    /BC-UBND</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="141"/>
        <source>e.g. Ủy ban nhân dân tỉnh Nghệ An</source>
        <translation>VD: Ủy ban nhân dân tỉnh Nghệ An</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="171"/>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="206"/>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="172"/>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="173"/>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="175"/>
        <source>Columns (tick, drag to order)</source>
        <translation>Các cột (đánh dấu, kéo để sắp xếp)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="179"/>
        <source>Parent body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="180"/>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="181"/>
        <source>Report number</source>
        <translation>Số báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="182"/>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="183"/>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="314"/>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="375"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="184"/>
        <source>To (Kính gửi)</source>
        <translation>Kính gửi</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="185"/>
        <source>Signing authority</source>
        <translation>Thẩm quyền ký</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="186"/>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="187"/>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="188"/>
        <source>Recipients (one per line)</source>
        <translation>Nơi nhận (mỗi dòng một nơi)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="502"/>
        <source>Parts not written</source>
        <translation>Còn phần chưa viết</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="510"/>
        <source>Write them</source>
        <translation>Viết các phần này</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="511"/>
        <source>Export anyway</source>
        <translation>Vẫn xuất</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="544"/>
        <source>Compose an email…</source>
        <translation>Soạn thư gửi…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="203"/>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="499"/>
        <source>V. Proposals</source>
        <translation>V. Đề xuất, kiến nghị</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="207"/>
        <source>Header and closing</source>
        <translation>Phần đầu và phần kết</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="211"/>
        <source>Preview…</source>
        <translation>Xem trước…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="469"/>
        <source>Save the report as</source>
        <translation>Lưu báo cáo thành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="400"/>
        <source>Exporting the report…</source>
        <translation>Đang xuất báo cáo…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="174"/>
        <source>Unit</source>
        <comment>an office or body, not a unit of measurement</comment>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="193"/>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="497"/>
        <source>I. Direction and management</source>
        <translation>I. Công tác chỉ đạo, điều hành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="195"/>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="498"/>
        <source>III. Shortcomings, limitations and causes</source>
        <translation>III. Tồn tại, hạn chế và nguyên nhân</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="199"/>
        <source>IV. Tasks and measures for the next period (after the list of tasks due)</source>
        <translation>IV. Nhiệm vụ, giải pháp kỳ tới (sau danh sách nhiệm vụ đến hạn)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="208"/>
        <source>Parts I, III, IV and V</source>
        <translation>Phần I, III, IV và V</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="412"/>
        <source>Cannot write %1: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="503"/>
        <source>These parts of the report are still empty or as prefilled:

%1

Exported as they are, an empty part prints «(Chưa nhập.)» and part I its prefilled outline with «…» to fill in. A report sent upward says what was done. Write them first?</source>
        <translation>Các phần sau của báo cáo còn để trống hoặc vẫn là khung soạn sẵn:

%1

Nếu vẫn xuất, phần để trống sẽ in «(Chưa nhập.)» và phần I in nguyên khung soạn sẵn với các chỗ «…» chưa điền. Báo cáo gửi cấp trên phải nêu được những việc đã làm. Viết các phần này trước?</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="535"/>
        <source>Report exported</source>
        <translation>Đã xuất báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="536"/>
        <source>The report is saved as:
%1</source>
        <translation>Báo cáo đã được lưu tại:
%1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="538"/>
        <source>Open file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="539"/>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="542"/>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/reports_dialog.py" line="543"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="36"/>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="41"/>
        <source>The chosen backup replaces the data file. The data file as it is now is backed up first, so this too can be undone by restoring that copy.</source>
        <translation>Bản sao lưu được chọn sẽ thay thế tệp dữ liệu. Tệp dữ liệu hiện tại được sao lưu trước, nên có thể khôi phục lại nếu cần.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="48"/>
        <source>Made</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="48"/>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="48"/>
        <source>Plans</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="48"/>
        <source>Tasks</source>
        <translation>Số nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="49"/>
        <source>Last change</source>
        <translation>Sửa đổi cuối</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="49"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="58"/>
        <source>Another file (USB)…</source>
        <translation>Tệp khác (USB)…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="83"/>
        <source>good</source>
        <translation>tốt</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="100"/>
        <source>daily</source>
        <translation>hằng ngày</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="101"/>
        <source>on closing the program</source>
        <translation>khi đóng chương trình</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="102"/>
        <source>made by hand</source>
        <translation>sao lưu tay</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="103"/>
        <source>before an import</source>
        <translation>trước khi nhập dữ liệu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="104"/>
        <source>before a restore</source>
        <translation>trước khi khôi phục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="105"/>
        <source>before a program upgrade</source>
        <translation>trước khi nâng cấp chương trình</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="106"/>
        <source>other copy</source>
        <translation>bản sao khác</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="115"/>
        <source>Choose a backup</source>
        <translation>Chọn bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/backup_dialog.py" line="115"/>
        <source>Data files (*.sqlite3 *.db)</source>
        <translation>Tệp dữ liệu (*.sqlite3 *.db)</translation>
    </message>
</context>
<context>
    <name>ReturnsImport</name>
    <message>
        <location filename="../../dienchau_desktop/ui/returns_import.py" line="23"/>
        <location filename="../../dienchau_desktop/ui/returns_import.py" line="128"/>
        <source>Import units&apos; returns</source>
        <translation>Nhập báo cáo của đơn vị</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/returns_import.py" line="53"/>
        <source>Read without errors:</source>
        <translation>Đọc được, không có lỗi:</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/returns_import.py" line="54"/>
        <source>«%1» (%2, %3): %4 new, %5 as recorded, %6 left empty</source>
        <translation>«%1» (%2, %3): %4 mới, %5 như đã có, %6 để trống</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/returns_import.py" line="46"/>
        <source>Not imported (nothing from these files is written):</source>
        <translation>Không nhập (không ghi gì từ các tệp này):</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/returns_import.py" line="58"/>
        <source> (%1 of them a coordinating unit&apos;s part: kept in the history, not the task&apos;s state)</source>
        <translation> (%1 mục là phần của đơn vị phối hợp: lưu trong lịch sử, không thay đổi trạng thái nhiệm vụ)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/returns_import.py" line="82"/>
        <source>%1 of %2 files cannot be imported because of errors; correct the cells named below and import them again.</source>
        <translation>%1 trong %2 tệp không nhập được vì có lỗi; hãy sửa các ô được nêu dưới đây rồi nhập lại.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/returns_import.py" line="97"/>
        <source>Nothing new to record.</source>
        <translation>Không có gì mới để ghi.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/returns_import.py" line="92"/>
        <source>Record %1 progress entries?</source>
        <translation>Ghi %1 mục tiến độ?</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../dienchau_desktop/ui/settings_dialog.py" line="23"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/settings_dialog.py" line="31"/>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/settings_dialog.py" line="35"/>
        <source> months</source>
        <translation> tháng</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/settings_dialog.py" line="36"/>
        <source>A new language is used the next time the program starts.</source>
        <translation>Ngôn ngữ mới được dùng từ lần mở chương trình sau.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/settings_dialog.py" line="39"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/settings_dialog.py" line="40"/>
        <source>Keep one backup a day for</source>
        <translation>Giữ mỗi ngày một bản sao lưu trong</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/settings_dialog.py" line="41"/>
        <source>and one a month for</source>
        <translation>và mỗi tháng một bản trong</translation>
    </message>
</context>
<context>
    <name>TaskForm</name>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="264"/>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="407"/>
        <source>Section</source>
        <extracomment>item id, new values, old values, undo text. item id, the name of a unit to add and make the item&apos;s lead unit. What the unit pickers were last filled with (units, the item&apos;s coordinators): filled again only when it changes, not at each row the cursor goes to.</extracomment>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="265"/>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="408"/>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="266"/>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="409"/>
        <source>Paragraph of text</source>
        <translation>Đoạn văn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="210"/>
        <source>Kind</source>
        <extracomment>The kinds of item a plan holds (db.models.ITEM_KINDS says the same to the database). Largest amount accepted, in million đồng: a thousand trillion đồng, beyond any plan, so that a slip of the finger (or a hostile file) cannot print as &quot;1e+300&quot;. The columns of plan_item it writes (a deadline is kept four ways). The ones of `columns` that the tree&apos;s nodes carry, read as stored. What the nodes carry of it beyond its columns (a unit&apos;s name, the linked units). A NUMBER left empty: None (not stated), or this value. The unit a MONEY value is in, as reports name it (&quot;triệu đồng&quot;). The form: lines of a text field (1: a one-line field), the greyed example in an empty field, the tooltip, the unit after the value (English sources, translated). Every field, in the form&apos;s order. A section may be a task group (the breakthrough task): it carries the lead, the people and the funding, not dates or targets.</extracomment>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="212"/>
        <source>Title</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="215"/>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="219"/>
        <source>Lead unit</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="302"/>
        <source>Type to find a unit…</source>
        <translation>Gõ để tìm đơn vị…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="224"/>
        <source>Coordinating units</source>
        <translation>Cơ quan phối hợp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="229"/>
        <source>Responsible person</source>
        <translation>Người chịu trách nhiệm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="235"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="233"/>
        <source>Start date</source>
        <translation>Ngày bắt đầu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="242"/>
        <source>e.g. Quý IV/2026, 30/11/2026, Thường xuyên</source>
        <translation>VD: Quý IV/2026, 30/11/2026, Thường xuyên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="237"/>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="244"/>
        <source>Expected product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="250"/>
        <source>target, e.g. 100</source>
        <translation>chỉ tiêu, VD: 100</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="254"/>
        <source>unit, e.g. % schools</source>
        <translation>đơn vị tính, VD: % trường học</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="248"/>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="256"/>
        <source>Indicator description</source>
        <translation>Mô tả chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="259"/>
        <source>Breakthrough task</source>
        <translation>Nhiệm vụ đột phá</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="264"/>
        <source>1 = equal share</source>
        <translation>1 = như các nhiệm vụ khác</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="265"/>
        <source>The task&apos;s share in its group&apos;s percent done; 2 counts twice as much.</source>
        <translation>Phần của nhiệm vụ trong tỷ lệ hoàn thành của nhóm; 2 tính gấp đôi.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="262"/>
        <source>Weight</source>
        <translation>Trọng số</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="276"/>
        <source>Funding source</source>
        <translation>Nguồn kinh phí</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="280"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="401"/>
        <source>Select an item in the tree to see its details.</source>
        <translation>Chọn một mục trong cây để xem chi tiết.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="439"/>
        <source>(= %1 billion đồng)</source>
        <translation>(= %1 tỷ đồng)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="448"/>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="486"/>
        <source>not understood</source>
        <translation>không hiểu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="493"/>
        <source>recurring, no fixed date</source>
        <translation>thường xuyên, không có ngày cụ thể</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="495"/>
        <source>due %1</source>
        <translation>hạn %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="537"/>
        <source>«%1» fits several units (%2): choose one from the list.</source>
        <translation>«%1» khớp với nhiều đơn vị (%2): hãy chọn một đơn vị trong danh sách.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="543"/>
        <source>No unit is named «%1». Choose one from the list, or add it.</source>
        <translation>Không có đơn vị nào tên «%1». Hãy chọn trong danh sách, hoặc thêm đơn vị này.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="547"/>
        <source>Add unit «%1»</source>
        <translation>Thêm đơn vị «%1»</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="210"/>
        <source>Change kind</source>
        <translation>Đổi loại mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="212"/>
        <source>Change title</source>
        <translation>Đổi tiêu đề</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="216"/>
        <source>Change description</source>
        <translation>Đổi mô tả</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="220"/>
        <source>Change lead unit</source>
        <translation>Đổi cơ quan chủ trì</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="225"/>
        <source>Change coordinating units</source>
        <translation>Đổi cơ quan phối hợp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="230"/>
        <source>Change responsible person</source>
        <translation>Đổi người chịu trách nhiệm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="234"/>
        <source>Change start date</source>
        <translation>Đổi ngày bắt đầu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="238"/>
        <source>Change deadline</source>
        <translation>Đổi hạn hoàn thành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="245"/>
        <source>Change expected product</source>
        <translation>Đổi sản phẩm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="249"/>
        <source>Change indicator target</source>
        <translation>Đổi chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="252"/>
        <source>Indicator unit</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="253"/>
        <source>Change indicator unit</source>
        <translation>Đổi đơn vị tính</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="257"/>
        <source>Change indicator description</source>
        <translation>Đổi mô tả chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="260"/>
        <source>Change breakthrough flag</source>
        <translation>Đổi đánh dấu đột phá</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="269"/>
        <source>Funding</source>
        <translation>Kinh phí</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="270"/>
        <source>Change funding amount</source>
        <translation>Đổi kinh phí</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="273"/>
        <source>e.g. 1.500,5</source>
        <translation>VD: 1.500,5</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="274"/>
        <source>million đồng</source>
        <translation>triệu đồng</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="277"/>
        <source>Change funding source</source>
        <translation>Đổi nguồn kinh phí</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="281"/>
        <source>Change notes</source>
        <translation>Đổi ghi chú</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/core/task_fields.py" line="263"/>
        <source>Change weight</source>
        <translation>Đổi trọng số</translation>
    </message>
</context>
<context>
    <name>UnitDraftsDialog</name>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="199"/>
        <source>Send to the units</source>
        <translation>Gửi cho các đơn vị</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="213"/>
        <source>Each unit with an email address gets one draft, with the list of its tasks (PDF) and its return form for the period (Excel) attached. Add missing addresses in Plan → Units.</source>
        <translation>Mỗi đơn vị có địa chỉ thư được soạn một thư, kèm danh mục nhiệm vụ của đơn vị (PDF) và mẫu báo cáo của kỳ (Excel). Địa chỉ còn thiếu thì thêm ở Kế hoạch → Đơn vị.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="220"/>
        <source>Make %1 drafts</source>
        <translation>Soạn %1 thư</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="227"/>
        <source>Reporting period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/mail_drafting.py" line="239"/>
        <source>%1 — no email address, no draft</source>
        <translation>%1 — chưa có địa chỉ thư, không soạn</translation>
    </message>
</context>
<context>
    <name>UnitEditor</name>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="41"/>
        <source>New unit</source>
        <translation>Đơn vị mới</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="41"/>
        <source>Edit unit</source>
        <translation>Sửa đơn vị</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="46"/>
        <source>e.g. vhxh@dienchau.gov.vn</source>
        <translation>VD: vhxh@dienchau.gov.vn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="51"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="52"/>
        <source>Short name</source>
        <translation>Tên viết tắt</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="53"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="54"/>
        <source>Email</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="55"/>
        <source>Contact</source>
        <translation>Liên hệ</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="98"/>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="186"/>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="232"/>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="101"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="101"/>
        <source>Short name</source>
        <translation>Tên viết tắt</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="101"/>
        <source>Email</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="102"/>
        <source>Leads</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="102"/>
        <source>Coordinates</source>
        <translation>Phối hợp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="112"/>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="113"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="114"/>
        <source>&amp;Merge into…</source>
        <translation>&amp;Gộp vào…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="115"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Xóa…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="178"/>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="242"/>
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="186"/>
        <source>There is no other unit.</source>
        <translation>Không có đơn vị nào khác.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="189"/>
        <source>Choose a unit</source>
        <translation>Chọn đơn vị</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="198"/>
        <source>Give every task of «%1» to:</source>
        <translation>Chuyển mọi nhiệm vụ của «%1» cho:</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="202"/>
        <source>Merge «%1» into «%2»? «%1» will be removed.</source>
        <translation>Gộp «%1» vào «%2»? «%1» sẽ bị xóa.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="213"/>
        <source>«%1» leads %2 and coordinates %3 tasks, and %4 sections or paragraphs name it. Give them to:</source>
        <translation>«%1» đang chủ trì %2 và phối hợp %3 nhiệm vụ, và được ghi ở %4 mục hoặc đoạn văn. Giao lại cho:</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="215"/>
        <source>«%1» leads %2 and coordinates %3 tasks. Give them to:</source>
        <translation>«%1» đang chủ trì %2 và phối hợp %3 nhiệm vụ. Chuyển các nhiệm vụ đó cho:</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="227"/>
        <source>Remove «%1»?</source>
        <translation>Xóa «%1»?</translation>
    </message>
</context>
<context>
    <name>UnitsModel</name>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="388"/>
        <source>Last report</source>
        <extracomment>The task a row shows (None on a unit&apos;s or a group&apos;s row). The unit a row belongs to (on every row). Up to this many task rows, a filter opens every unit and group to show them.</extracomment>
        <translation>Báo cáo gần nhất</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="406"/>
        <source>Leads (%1)</source>
        <translation>Chủ trì (%1)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="406"/>
        <source>Coordinates (%1)</source>
        <translation>Phối hợp (%1)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="420"/>
        <source>Email: %1</source>
        <translation>Thư điện tử: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="421"/>
        <source>No email address (Plan → Units…)</source>
        <translation>Chưa có địa chỉ thư điện tử (Kế hoạch → Đơn vị…)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="428"/>
        <source>%1 — %2 lead, %3 coordinating</source>
        <translation>%1 — %2 chủ trì, %3 phối hợp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="434"/>
        <source>, %1 overdue</source>
        <translation>, %1 quá hạn</translation>
    </message>
</context>
<context>
    <name>UnitsPane</name>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="538"/>
        <source>By plan</source>
        <extracomment>Edits and progress of the plan shown, to be followed in place (`follow`). What the view was made from: the plan&apos;s tree, the units, the filter&apos;s matches.</extracomment>
        <translation>Theo kế hoạch</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="539"/>
        <source>By unit</source>
        <translation>Theo đơn vị</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="540"/>
        <source>The plan&apos;s tree of sections and tasks</source>
        <translation>Cây kế hoạch: các phần, mục và nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="542"/>
        <source>Each unit with the tasks it leads and coordinates (Ctrl+3)</source>
        <translation>Từng đơn vị với các nhiệm vụ chủ trì và phối hợp (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="561"/>
        <source>Open in the plan tree</source>
        <translation>Mở trong cây kế hoạch</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="562"/>
        <source>Export the unit&apos;s task list…</source>
        <translation>Xuất danh mục nhiệm vụ của đơn vị…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="563"/>
        <source>Export the unit&apos;s return form…</source>
        <translation>Xuất mẫu báo cáo của đơn vị…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="564"/>
        <source>Draft an email to the unit…</source>
        <translation>Soạn thư gửi đơn vị…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="570"/>
        <source>Task list…</source>
        <translation>Danh mục nhiệm vụ…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="571"/>
        <source>Return form…</source>
        <translation>Mẫu báo cáo…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="572"/>
        <source>Email draft…</source>
        <translation>Soạn thư…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="623"/>
        <source>Alt+Enter changes the items selected in the plan tree: open the task with Enter, then press Alt+Enter there.</source>
        <translation>Alt+Enter dùng để thay đổi các mục đã chọn trong cây kế hoạch: hãy mở nhiệm vụ bằng Enter, rồi bấm Alt+Enter ở đó.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="803"/>
        <source>Select a unit</source>
        <translation>Chọn một đơn vị</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="855"/>
        <source>No reporting period</source>
        <translation>Chưa có kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="856"/>
        <source>The plan has no reporting period yet: add one in Plan → Reporting periods…</source>
        <translation>Kế hoạch chưa có kỳ báo cáo: hãy thêm trong Kế hoạch → Kỳ báo cáo…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="879"/>
        <source>Save the task list of %1 as</source>
        <translation>Lưu danh mục nhiệm vụ của %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="905"/>
        <source>Save the return form of %1 for %2 as</source>
        <translation>Lưu mẫu báo cáo %2 của %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="927"/>
        <source>Cannot write the file</source>
        <translation>Không ghi được tệp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="928"/>
        <source>Cannot write %1: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="933"/>
        <source>Exported</source>
        <translation>Đã xuất</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="934"/>
        <source>Saved as:
%1</source>
        <translation>Đã lưu thành:
%1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="936"/>
        <source>Open file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_view.py" line="937"/>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
</context>
<context>
    <name>WriterWaitNotice</name>
    <message>
        <location filename="../../dienchau_desktop/ui/writer_wait.py" line="27"/>
        <source>Another program is writing to the data file; waiting for it to finish (%1 s)…</source>
        <translation>Một chương trình khác đang ghi vào tệp dữ liệu; đang chờ chương trình đó ghi xong (%1 giây)…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../dienchau_desktop/app.py" line="42"/>
        <source>Plan tracker</source>
        <translation>Theo dõi kế hoạch</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/app.py" line="90"/>
        <source>Cannot open the data file</source>
        <translation>Không mở được tệp dữ liệu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/app.py" line="91"/>
        <source>The data file is open in another program:
%1</source>
        <translation>Tệp dữ liệu đang được mở ở một chương trình khác:
%1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/app.py" line="108"/>
        <source>Cannot restore</source>
        <translation>Không khôi phục được</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../dienchau_desktop/ui/crash.py" line="31"/>
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/crash.py" line="34"/>
        <source>Something went wrong inside the program. What you saved before is safe; the last action may not have been completed.

The details are written to:
%1

Please send that file to whoever looks after the program.</source>
        <translation>Chương trình gặp lỗi ngoài dự kiến. Dữ liệu đã lưu trước đó vẫn an toàn; thao tác vừa rồi có thể chưa hoàn tất.

Chi tiết được ghi vào:
%1

Xin gửi tệp này cho người phụ trách phần mềm.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/crash.py" line="40"/>
        <source>Unexpected error</source>
        <translation>Lỗi ngoài dự kiến</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <location filename="../../dienchau_desktop/ui/startup_problem.py" line="47"/>
        <source>Cannot open the data file</source>
        <translation>Không mở được tệp dữ liệu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/startup_problem.py" line="53"/>
        <source>Restore the backup of %1</source>
        <translation>Khôi phục bản sao lưu lúc %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/startup_problem.py" line="56"/>
        <source>Create a new data file</source>
        <translation>Tạo tệp dữ liệu mới</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/startup_problem.py" line="57"/>
        <source>Open another file…</source>
        <translation>Mở tệp khác…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/startup_problem.py" line="58"/>
        <source>Try again</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/startup_problem.py" line="63"/>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/startup_problem.py" line="76"/>
        <source>Open a data file</source>
        <translation>Mở tệp dữ liệu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/startup_problem.py" line="77"/>
        <source>Data files (*.sqlite3 *.db)</source>
        <translation>Tệp dữ liệu (*.sqlite3 *.db)</translation>
    </message>
</context>
</TS>
