import ConformJSON
import WebimProtocol

/// `$response.actions` → chat controls. Both spellings are accepted: JAICP's Webim page writes
/// `operator_id`/`department_key`/`sub_category`, its example `operatorId`/`departmentKey`.
/// The table is on `WebimOutbound`.
enum ResponseActions {
    struct Mapped {
        var controls: [WebimOutboundPlan.Control] = []
        var skipped: [SkippedOutput] = []
    }

    static func map(_ response: JSONValue) -> Mapped {
        var mapped = Mapped()
        guard let actions = response["actions"]?.nonNull else { return mapped }
        guard let list = actions.arrayValue else {
            mapped.skipped.append(SkippedOutput(source: "actions", type: actions.typeName,
                                                reason: "$response.actions must be an array of {type, …}"))
            return mapped
        }
        for (index, action) in list.enumerated() {
            let source = "actions[\(index)]"
            let type = action["type"]?.stringValue ?? ""
            switch type {
            case "redirect_to_operator":
                guard let id = ReplyMapping.firstValue(action, ["operator_id", "operatorId"]) else {
                    mapped.skipped.append(SkippedOutput(source: source, type: type, reason: "no `operator_id` (or `operatorId`)"))
                    continue
                }
                mapped.controls.append(.init(control: .redirect(.operator(ReplyMapping.webimID(id))), source: source))
            case "redirect_to_department":
                guard let key = ReplyMapping.firstValue(action, ["department_key", "departmentKey", "dep_key"]) else {
                    mapped.skipped.append(SkippedOutput(source: source, type: type, reason: "no `department_key` (or `departmentKey`)"))
                    continue
                }
                mapped.controls.append(.init(control: .redirect(.department(key.stringValue ?? key.description)), source: source))
            case "close_chat":
                let category = ReplyMapping.firstValue(action, ["category"]).map { $0.stringValue ?? $0.description }
                let subcategory = ReplyMapping.firstValue(action, ["sub_category", "subCategory", "subcategory"])
                    .map { $0.stringValue ?? $0.description }
                if let category {
                    mapped.controls.append(.init(control: .setCategory(category: category, subcategory: subcategory), source: source))
                } else if subcategory != nil {
                    mapped.skipped.append(SkippedOutput(source: source, type: "set_category",
                                                        reason: "a sub_category without a category: set_category needs a category"))
                }
                mapped.controls.append(.init(control: .close, source: source))
            case "":
                mapped.skipped.append(SkippedOutput(source: source, type: action.typeName, reason: "an action without a `type`"))
            default:
                mapped.skipped.append(SkippedOutput(source: source, type: type,
                                                    reason: "action '\(type)' is not one of redirect_to_operator, redirect_to_department, close_chat"))
            }
        }
        return mapped
    }
}
