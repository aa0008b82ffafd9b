import type { SpecialFileKind } from "../../explain/index.js";
import type { CliCatalog } from "./types.js";

/** What stands at a path that is not a regular file. */
const specialFile: Readonly<Record<SpecialFileKind, string>> = {
  directory: "một thư mục",
  fifo: "một đường ống có tên (FIFO)",
  device: "một thiết bị",
  socket: "một socket",
  symlink: "một liên kết tượng trưng",
  other: "không phải tệp thông thường",
};

export const viCli = {
  "cli.note": (p) => `${p.severity === "error" ? "lỗi" : "lưu ý"}: ${p.text}`,
  "cli.inputType": (p) => `${p.file}: không đọc được loại tệp “${p.ext || "(không có phần mở rộng)"}” — hãy dùng ${p.list}`,
  "cli.inputNotRegular": (p) => `${p.file}: không phải tệp dữ liệu thông thường (${specialFile[p.fileKind]}) nên không được đọc`,
  "cli.inputCannotOpen": (p) => `${p.file}: không mở được tệp (${p.reason})`,
  "cli.outNotRegular": (p) => `--out ${p.file}: đường dẫn này là ${specialFile[p.fileKind]}; báo cáo chỉ được ghi vào tệp thông thường — hãy chọn đường dẫn khác`,
  "cli.outWriteFailed": (p) => `Không ghi được báo cáo vào ${p.file} (${p.reason}); tệp đích được giữ nguyên như trước`,
  "cli.tempWriteFailed": (p) => `Không ghi được các tệp tạm của lần chạy trong ${p.dir} (${p.reason}); các tệp tạm đã được xóa — hãy giải phóng dung lượng đĩa hoặc đặt biến môi trường TMPDIR sang thư mục khác`,
  "cli.unknownColumn": (p) =>
    `${p.file}: cột «${p.column}» không ứng với dữ kiện nào của bộ tiêu chí${p.near ? `; dữ kiện gần nhất: ${p.near}` : ""}. ${
      p.ignored
        ? "Cột này được bỏ qua theo yêu cầu và được ghi vào báo cáo"
        : "Hãy đặt lại tên cột theo mẫu nhập liệu (lệnh «thidua template»); nếu cột này không dùng để chấm điểm, chạy lại với tùy chọn --ignore-unknown-columns"
    }`,
  "cli.unknownColumns": (p, f) =>
    `${p.file}: ${f.num(p.count)} cột không ứng với dữ kiện nào của bộ tiêu chí (${p.list}, …). ${
      p.ignored ? "Các cột này được bỏ qua theo yêu cầu và được ghi vào báo cáo" : "Hãy dùng mẫu nhập liệu (lệnh «thidua template»), hoặc chạy lại với tùy chọn --ignore-unknown-columns"
    }`,
  "cli.headerRefused": (p) => `Không lập báo cáo: dòng tiêu đề của ${p.file} có lỗi (xem ở trên); mọi cột phải được đọc thì kết quả mới đầy đủ`,
  "usage.unknownOption": (p) => `Không có tùy chọn ${p.what}`,
  "usage.unknownCommand": (p) => `Không có lệnh ${p.what}`,
  "usage.missingArgument": (p) => `Thiếu ${p.what === "input" ? "tệp dữ liệu cần đọc" : p.what === "record" ? "tệp bản ghi quyết định" : p.what}`,
  "usage.optionArgument": (p) => `Tùy chọn ${p.what} cần một giá trị đi kèm`,
  "usage.requiredOption": (p) => `Thiếu tùy chọn bắt buộc ${p.what}`,
  "usage.excessArguments": (p) => `Lệnh ${p.command} nhận nhiều tệp hơn mức cho phép; nếu tên tệp có dấu cách, hãy đặt trong dấu ngoặc kép`,
  "usage.other": (p) => `Dòng lệnh không hợp lệ (${p.text})`,
  "usage.badValue": (p) => `Giá trị “${p.value}” của tùy chọn ${p.option} không hợp lệ — cần ${p.allowed}`,
  "usage.needs": (p) => `Tùy chọn ${p.option} cần kèm theo ${p.needs}`,
  "usage.unitNotFound": (p) => `Không có đơn vị (cá nhân) mã ${p.unitId} trong ${p.file}`,
  "usage.cannotRead": (p) => `${p.file}: không đọc được tệp (${p.reason})`,
  "usage.notJson": (p) => `${p.file}: không phải JSON hợp lệ`,
  "usage.rulesNotLoaded": (p) => `Không nạp được bộ tiêu chí ${p.rules}`,
  "usage.help": () => "Xem cách dùng: thidua --help, hoặc thidua <lệnh> --help",
  "progress.stage": (p) => ({ read: "Đọc dữ liệu", score: "Chấm điểm", write: "Ghi báo cáo" })[p.stage],
  "progress.rows": () => "dòng",
  "cli.summary": (p, f) =>
    `Đã chấm điểm ${f.num(p.scored)} đơn vị, ${f.num(p.rejected)} dòng bị loại; ${f.num(p.proposals)} đề nghị khen thưởng theo bộ tiêu chí${p.overrides ? `, ${f.num(p.overrides)} quyết định điều chỉnh của Hội đồng` : ""}; báo cáo đã ghi vào ${p.file}`,
  "cli.version": (p) => `thidua phiên bản ${p.version}`,
  "cli.versionRuleSet": (p) => `bộ tiêu chí ${p.id} phiên bản ${p.version}: ${p.title}`,
  "rules.verifyOk": (p) => `ĐẠT: cả ${p.count} tệp khớp mã băm ghi trong bản kê${p.lineage ? ` (${p.lineage})` : ""}`,
  "rules.hashMismatch": (p) => `lỗi: tệp ${p.file} đã bị sửa: mã băm SHA-256 ${p.actual} không khớp với mã ${p.expected} ghi trong bản kê`,
  "rules.fileMissing": (p) => `lỗi: không có tệp ${p.file} mà bản kê liệt kê`,
  "rules.altered": (p) => `BỊ SỬA: ${p.file}`,
  "rules.checkSummary": (p) => `${p.errors} lỗi, ${p.warnings} lưu ý`,
  "replay.allowModified": () => "CẢNH BÁO: phát lại trên bộ tiêu chí có tệp không khớp bản kê mã băm (đã dùng --allow-modified-rules); kết quả phát lại này không có giá trị kiểm chứng",
  "replay.rulesAltered": (p) => `TỪ CHỐI: tệp của bộ tiêu chí ${p.id} không khớp bản kê mã băm: ${p.files}. Hãy khôi phục đúng các tệp đã ghi nhận (chỉ để xem thử: --allow-modified-rules)`,
  "replay.rulesMatch": (p) => `Bộ tiêu chí ${p.id} phiên bản ${p.version}, mã băm SHA-256 ${p.sha256}: khớp với bản ghi`,
  "replay.rulesDiffer": (p) =>
    `TỪ CHỐI: bộ tiêu chí ${p.id} phiên bản ${p.version} hiện có mã băm ${p.sha256}, nhưng bản ghi được lập với ${p.recordedId} phiên bản ${p.recordedVersion}, mã băm ${p.recordedSha256}. Hãy khôi phục đúng các tệp quy tắc đã ghi nhận để phát lại quyết định này`,
  "replay.rulesNotBundled": (p) => `Bản ghi được lập với bộ tiêu chí ${p.id}, không có sẵn trong phần mềm; hãy chỉ rõ thư mục của bộ tiêu chí đó bằng --rules`,
  "replay.v1": () =>
    "LƯU Ý: bản ghi theo định dạng phiên bản 1 không có dấu niêm phong: việc sửa danh sách quyết định điều chỉnh, ngày áp dụng hoặc tùy chọn khi chạy không phát hiện được; chỉ các kết quả tính toán được kiểm tra lại",
  "replay.sealIntact": (p) => `Dấu niêm phong của bản ghi, mã băm SHA-256 ${p.sha256}: nguyên vẹn`,
  "replay.sealBroken": () => "TỪ CHỐI: bản ghi đã bị sửa sau khi lập — nội dung không khớp dấu niêm phong",
  "replay.partEdited": (p) =>
    p.sealed === "" ? `Phần «${p.part}» được thêm vào sau khi niêm phong` : p.actual === "" ? `Phần «${p.part}» đã bị xóa` : `Phần «${p.part}» đã bị sửa (mã băm khi niêm phong ${p.sealed}, hiện nay ${p.actual})`,
  "replay.sealListEdited": () => "Chính dấu niêm phong đã bị sửa (danh sách mã băm các phần không khớp mã băm tổng)",
  "replay.unitField": (p) => `${p.unitId}${p.cohort ? ` (cụm, khối ${p.cohort})` : ""}, trường ${p.field}: bản ghi ghi ${p.recorded}, tính lại được ${p.derived}`,
  "replay.unitMissing": (p) => `${p.unitId}${p.cohort ? ` (cụm, khối ${p.cohort})` : ""}: có trong bản ghi nhưng không có khi tính lại`,
  "replay.unitExtra": (p) => `${p.unitId}${p.cohort ? ` (cụm, khối ${p.cohort})` : ""}: có khi tính lại nhưng không có trong bản ghi`,
  "replay.order": () => "Thứ tự các kết quả trong bản ghi khác thứ tự khi tính lại",
  "replay.partField": (p) => `Phần «${p.part}», ${p.field}: bản ghi ghi ${p.recorded}, tính lại được ${p.derived}`,
  "replay.inputMatch": (p) => `Dữ liệu đầu vào, mã băm SHA-256 ${p.sha256}: khớp`,
  "replay.inputDiffers": (p) => `Dữ liệu đầu vào khác: bản ghi ghi mã băm ${p.recorded}, tệp được cung cấp có mã băm ${p.given}`,
  "replay.outcomeIdentical": (p) => `Mã băm SHA-256 của kết quả ${p.sha256}: TRÙNG KHỚP`,
  "replay.outcomeDiffers": (p) => `Mã băm SHA-256 của kết quả ${p.sha256}: KHÁC mã băm ghi trong bản ghi ${p.recorded}`,
  "replay.recordIdentical": (p, f) => `Tính lại ${f.num(p.count)} kết quả cùng quyết định cuối cùng, các dòng bị loại và chỉ tiêu: TRÙNG KHỚP với bản ghi`,
  "replay.recordDiffers": (p, f) => `Khi tính lại: ${f.num(p.count)} đơn vị hoặc phần của bản ghi không khớp`,
  "replay.more": (p, f) => `… và ${f.num(p.count)} đơn vị hoặc phần khác nữa`,
  "replay.engineDiffers": (p) => `LƯU Ý: bản ghi được lập bằng phần mềm phiên bản ${p.recorded}; đang phát lại bằng phiên bản ${p.current}`,
  "replay.overridesMatch": (p) => `Các quyết định điều chỉnh trong ${p.file}: khớp với bản ghi`,
  "replay.overridesDiffer": (p) => `Các quyết định điều chỉnh trong ${p.file}: KHÁC với danh sách ghi trong bản ghi`,
  "cli.assessmentsJson": (p) => `--assessments: ${p.file} là tệp hồ sơ JSON; hồ sơ JSON ghi các lần đánh giá, thẩm định ngay trong từng hồ sơ; tùy chọn --assessments chỉ dùng cho tệp CSV, XLSX`,
  "replay.assessmentsNeeded": (p) => `Bản ghi được lập kèm tệp đánh giá, thẩm định (mã băm SHA-256 ${p.sha256}): hãy chỉ ra tệp đó bằng --assessments`,
  "replay.assessmentsMatch": (p) => `Tệp đánh giá, thẩm định ${p.file}, mã băm SHA-256 ${p.sha256}: khớp với bản ghi`,
  "replay.assessmentsDiffer": (p) => `Tệp đánh giá, thẩm định ${p.file}, mã băm SHA-256 ${p.sha256}: KHÁC tệp ghi trong bản ghi (${p.recorded})`,
  "cli.assessmentsRefused": (p) => `Không lập báo cáo: bảng đánh giá, thẩm định ${p.file} có lỗi (xem ở trên); mọi dòng đánh giá phải đọc được và gắn với một đơn vị của bảng dữ liệu thì kết quả mới đầy đủ`,
} satisfies CliCatalog;
