//! The words of the clerk's desk (`zongjie serve`): its buttons, headings and messages,
//! sent to the page with the data so that the page itself holds no wording.

/// Each word by the name the page's script asks for.
pub const WORDS: &[(&str, &str)] = &[
    ("title", "总结起草台"),
    ("indicators", "主要指标"),
    ("key", "代码"),
    ("text", "文字"),
    ("preview", "预览（与打印稿一致）"),
    ("save", "保存"),
    ("saved", "已保存"),
    ("save_refused", "未保存：请先改正下列错误"),
    ("download", "下载 DOCX"),
    ("add_indicator", "添加指标"),
    ("new_key", "新指标的代码（小写字母、数字、下划线）"),
    ("add_section", "添加小节"),
    ("new_title", "新小节标题"),
    ("remove", "删除"),
    ("add_paragraph", "添加段落"),
    ("remove_paragraph", "删除此段"),
    ("up", "上移"),
    ("down", "下移"),
    ("more", "更多"),
    ("section", "小节"),
    ("errors", "错误"),
    ("warnings", "提示"),
    ("no_findings", "未发现问题"),
    ("unsaved", "有未保存的修改"),
    ("yes", "是"),
    ("confirm_remove", "确定删除以下内容？"),
    ("failed", "操作失败"),
    ("colon", "："),
    ("open", "（"),
    ("close", "）"),
    // Where a schema description's label ends: 指标名称，如… → 指标名称.
    ("label_ends", "，：（,:("),
];

/// A computed figure explained on hover: whose, the formula, its inputs, the exact result
/// and what is printed after rounding half-up.
pub fn explanation(name: &str, formula: &str, inputs: &str, exact: &str, printed: &str) -> String {
    format!("{name}：{formula}；{inputs}；= {exact}，四舍五入为 {printed}")
}

/// The file changed on disk since the page read it (another window, an editor, `import`).
pub const CHANGED_ON_DISK: &str =
    "文件已被其他窗口或程序修改：请刷新页面后再改（未保存的修改请先另行记下）";
