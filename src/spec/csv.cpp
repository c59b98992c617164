#include "spec/csv.hpp"

#include "core/context.hpp"
#include "core/i18n.hpp"
#include "core/utf8.hpp"

namespace briefmake::spec {

namespace {

class CsvParser {
public:
    CsvParser(const std::string& text, const std::string& file, std::size_t max_fields)
        : t_(text), file_(file), max_fields_(max_fields) {
        // Spreadsheet programs often write a byte-order mark; it is not data.
        if (t_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
    }

    std::vector<CsvRow> parse() {
        std::vector<CsvRow> rows;
        while (pos_ < t_.size()) {
            if (at_line_end()) {  // a blank line
                skip_line_end();
                continue;
            }
            CsvRow row;
            for (;;) {
                if (++fields_ > max_fields_)
                    throw core::Error(here(), core::trf("too many fields in a CSV file; expected at most {}",
                                                        {std::to_string(max_fields_)}));
                row.push_back(field());
                if (pos_ < t_.size() && t_[pos_] == ',') {
                    advance();
                    continue;
                }
                if (pos_ < t_.size()) skip_line_end();
                break;
            }
            rows.push_back(std::move(row));
        }
        return rows;
    }

private:
    core::SourceLoc here() const { return {file_, line_, col_}; }

    // Moves over one character (a whole UTF-8 sequence), keeping line and column.
    void advance() {
        const char c = t_[pos_];
        core::next_code_point(t_, pos_);
        if (c == '\n') {
            ++line_;
            col_ = 1;
        } else {
            ++col_;
        }
    }

    bool at_line_end() const {
        return t_[pos_] == '\n' || (t_[pos_] == '\r' && pos_ + 1 < t_.size() && t_[pos_ + 1] == '\n');
    }

    void skip_line_end() {
        if (t_[pos_] == '\r') {
            if (pos_ + 1 >= t_.size() || t_[pos_ + 1] != '\n')
                throw core::Error(here(), _("carriage return without line feed; expected LF or CRLF line ends"));
            ++pos_;  // the CR; the LF below moves the line on
        }
        advance();
    }

    CsvField field() {
        CsvField f;
        f.loc = here();
        if (pos_ < t_.size() && t_[pos_] == '"') {
            f.quoted = true;
            advance();
            for (;;) {
                if (pos_ >= t_.size())
                    throw core::Error(f.loc, _("unterminated quoted field; expected a closing '\"'"));
                if (t_[pos_] == '"') {
                    if (pos_ + 1 < t_.size() && t_[pos_ + 1] == '"') {  // "" is one quote
                        f.text += '"';
                        advance();
                        advance();
                        continue;
                    }
                    advance();
                    break;
                }
                std::size_t start = pos_;
                advance();
                f.text.append(t_, start, pos_ - start);
            }
            if (pos_ < t_.size() && t_[pos_] != ',' && !at_line_end())
                throw core::Error(here(), _("unexpected text after a closing quote; expected ',' or the end of the line"),
                                  _("inside quotes, write a quote as \"\""));
            return f;
        }
        while (pos_ < t_.size() && t_[pos_] != ',' && !at_line_end()) {
            if (t_[pos_] == '"')
                throw core::Error(here(), _("quote inside an unquoted field; expected the whole field in quotes"),
                                  _("write \"a \"\"b\"\" c\" for a \"b\" c"));
            if (t_[pos_] == '\r')
                throw core::Error(here(), _("carriage return without line feed; expected LF or CRLF line ends"));
            std::size_t start = pos_;
            advance();
            f.text.append(t_, start, pos_ - start);
        }
        return f;
    }

    const std::string& t_;
    const std::string& file_;
    std::size_t max_fields_;
    std::size_t fields_ = 0;
    std::size_t pos_ = 0;
    int line_ = 1, col_ = 1;
};

}  // namespace

std::vector<CsvRow> parse_csv(const std::string& text, const std::string& file_name, std::size_t max_fields) {
    core::check_text(text, file_name);
    return CsvParser(text, file_name, max_fields).parse();
}

}  // namespace briefmake::spec
