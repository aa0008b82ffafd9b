/**
 * The command line's help (`thidua --help`, `thidua <lệnh> --help`) in Vietnamese: the reference.
 * Keys: "" the program; a command's path ("score", "rules verify"); an argument (`<path> <name>`)
 * or option (`<path> --name`) of a command, or of every command that has it (`* --name`). Every
 * command, argument and option of the program has a text (test/cli/help.test.ts).
 */
export const viHelp = {
  texts: {
    "": "thidua — chấm điểm, xếp hạng và đề xuất khen thưởng phong trào “Toàn dân bảo vệ an ninh Tổ quốc” theo bộ tiêu chí",
    "--debug": "in đầy đủ vết ngăn xếp khi gặp lỗi (dành cho người phát triển)",
    "--help": "hiển thị hướng dẫn sử dụng lệnh",
    help: "hiển thị hướng dẫn sử dụng của một lệnh",
    rules: "kiểm tra, soát lỗi và in bộ tiêu chí",
    "rules verify": "đối chiếu mã băm của từng tệp với bản kê; in mã, phiên bản và mã băm của bộ tiêu chí",
    "rules check": "kiểm tra cấu trúc và soát lỗi bộ tiêu chí; mã thoát 1 nếu có lỗi (tệp sai mã băm chỉ được nhắc khi đang sửa)",
    "rules print": "in sổ tay bộ tiêu chí (Markdown) cho người kiểm tra",
    "* <dir>": "thư mục bộ tiêu chí hoặc mã bộ tiêu chí có sẵn (ví dụ vn-2447-2025)",
    demo: "chấm điểm bộ dữ liệu mẫu có sẵn theo bộ tiêu chí quốc gia và in kết quả xếp hạng, đề xuất khen thưởng của từng cụm, khối",
    "demo --rules": "bộ tiêu chí",
    "demo --as-of": "ngày áp dụng bộ tiêu chí",
    score: "chấm điểm, xếp hạng và đề xuất khen thưởng; mã thoát 1 nếu có dòng bị loại (các dòng này được liệt kê trong báo cáo)",
    validate: "kiểm tra từng dòng dữ liệu; in mọi lỗi kèm số dòng, cột và cách sửa; mã thoát 1 nếu có dòng bị loại",
    explain: "giải trình đầy đủ kết quả của một đơn vị (cá nhân)",
    "* <input>": "tệp dữ liệu các đơn vị (cá nhân): .json, .ndjson, .csv hoặc .xlsx",
    "* --rules": "thư mục bộ tiêu chí hoặc mã bộ tiêu chí có sẵn",
    "* --as-of": "ngày áp dụng bộ tiêu chí (YYYY-MM-DD); mặc định: ngày 31/12 của năm ghi ở từng dòng",
    "* --year": "năm xét cho các dòng không ghi năm",
    "* --lang": "ngôn ngữ: vi (tiếng Việt) hoặc en (tiếng Anh)",
    "* --decimal": "dấu thập phân của số ghi dạng chữ trong tệp CSV, XLSX: dấu phẩy “,” hoặc dấu chấm “.”",
    "* --allow-modified-rules": "vẫn nạp các tệp bộ tiêu chí có mã băm không khớp bản kê (mọi báo cáo sẽ ghi rõ điều này)",
    "* --partition-bytes": "tệp dữ liệu lớn hơn số byte này được chia theo cụm, khối thành các tệp tạm có kích thước tương ứng (giới hạn bộ nhớ)",
    "* --ignore-unknown-columns": "bỏ qua các cột không ứng với dữ liệu nào của bộ tiêu chí (được liệt kê trong báo cáo và bản ghi quyết định) thay vì từ chối tệp",
    "* --jobs": "số luồng chấm điểm song song khi tệp được chia (mặc định: bằng số lõi CPU; 0: không dùng luồng phụ)",
    "score --format": "định dạng báo cáo: text (văn bản), json (bản ghi quyết định), csv, md (Markdown), xlsx (Excel), html (trang in), docx (Word)",
    "score --overrides": "tệp quyết định điều chỉnh của Hội đồng (JSON hoặc XLSX theo mẫu; mỗi đơn vị một quyết định, có thể gồm nhiều hình thức khen thưởng)",
    "* --out": "ghi ra tệp thay vì in ra màn hình",
    "score --out": "ghi báo cáo ra tệp (ghi trọn vẹn hoặc không ghi gì) thay vì in ra màn hình",
    "score --csv-delimiter": "dấu phân cách của báo cáo CSV: “;” (Excel tiếng Việt, dấu phẩy thập phân) hoặc “,” (dấu chấm thập phân)",
    "explain --unit": "mã đơn vị (cá nhân) cần giải trình",
    "* --assessments": "tệp thẩm định kèm tệp dữ liệu CSV (CSV hoặc XLSX, mỗi dòng một thay đổi: mã đơn vị, vai trò, người đánh giá, ngày, dữ kiện, giá trị mới, lý do); tệp XLSX có sẵn trang “Đánh giá” thì không cần",
    "replay --assessments": "tệp thẩm định đã dùng khi lập bản ghi (score --assessments)",
    "template --assessments": "in mẫu tệp thẩm định (CSV, dùng với score --assessments) thay cho mẫu nhập liệu; mẫu XLSX đã có sẵn trang “Đánh giá”",
    replay: "kiểm tra dấu niêm phong của bản ghi quyết định rồi chấm lại; mã thoát 0 nếu mọi phần trùng khớp, 1 nếu bản ghi đã bị sửa hoặc có khác biệt, 2 nếu không chấm lại được",
    "replay <record>": "bản ghi quyết định do lệnh score ghi ra (định dạng json)",
    "replay --profiles": "tệp dữ liệu đã dùng để lập bản ghi",
    "replay --rules": "thư mục bộ tiêu chí (mặc định: bộ tiêu chí có sẵn ghi trong bản ghi)",
    "replay --overrides": "tệp quyết định điều chỉnh của Hội đồng: đối chiếu với các quyết định ghi trong bản ghi",
    "replay --allow-modified-rules": "chấm lại với các tệp bộ tiêu chí có mã băm không khớp bản kê (dòng đầu kết quả ghi rõ; kết quả không có giá trị chứng minh)",
    template: "mẫu nhập liệu trống cho một nhóm đối tượng: mỗi cột một dữ liệu, tên cột tiếng Việt, đơn vị tính và các giá trị được chấp nhận",
    "template --group": "nhóm đối tượng: ministry (bộ, ngành), province (tỉnh, thành phố), front (Mặt trận, đoàn thể), enterprise (doanh nghiệp), individual (cá nhân)",
    "template --overrides": "thay vào đó, ghi mẫu quyết định điều chỉnh của Hội đồng (XLSX) để nhập rồi đọc lại khi chấm điểm",
    "template --format": "định dạng mẫu: csv hoặc xlsx",
    "template --out": "ghi ra tệp thay vì in ra màn hình (bắt buộc với xlsx)",
  },
  titles: { "Usage:": "Cách dùng:", "Options:": "Tùy chọn:", "Commands:": "Lệnh:", "Arguments:": "Tham số:", "Global Options:": "Tùy chọn chung:" },
  /** Placeholders of option values and arguments, and the usage line's own words. */
  words: {
    options: "tùy-chọn",
    command: "lệnh",
    file: "tệp",
    "dir|id": "thư-mục|mã",
    dir: "thư-mục",
    date: "ngày",
    year: "năm",
    lang: "ngôn-ngữ",
    sep: "dấu",
    n: "số",
    format: "định-dạng",
    group: "nhóm",
    id: "mã",
    input: "tệp-dữ-liệu",
    record: "bản-ghi",
  },
  default: "mặc định",
} as const;

/** What a help catalog holds (the English one gives every text the Vietnamese one gives). */
export interface HelpCatalog {
  readonly texts: Readonly<Record<keyof typeof viHelp.texts, string>>;
  readonly titles: Readonly<Record<keyof typeof viHelp.titles, string>>;
  readonly words: Readonly<Partial<Record<keyof typeof viHelp.words, string>>>;
  readonly default: string;
}
viHelp satisfies HelpCatalog;
