//! A figure taken for a fall where the plan asks for the rate (indicator 8; see
//! `domain::reduction_figures`): what, and what to do. Said by `chitieu check` and in the
//! view's detail of the target.

use super::Lang;
use super::labels::period;
use super::present::figure;
use crate::domain::period::Period;
use crate::domain::reduction_figures::Why;
use rust_decimal::Decimal;

pub fn fall_for_a_rate(lang: Lang, target: &str, at: Period, value: Decimal, why: Why) -> String {
    let (at, value) = (period(lang, at), figure(lang, value));
    let last_year = period(lang, Period::LastYear);
    match (why, lang) {
        (Why::OldPlan, Lang::Vi) => format!(
            "chỉ tiêu {target}, {at}: {value} được nhập khi kế hoạch còn ghi mức giảm, nay được đọc là tỷ lệ; \
             hãy nhập lại tỷ lệ (%) cho kỳ này (lịch sử vẫn giữ số cũ)"
        ),
        (Why::OldPlan, Lang::En) => format!(
            "target {target}, {at}: {value} was entered when the plan took the fall, and now reads as the rate; \
             enter the rate (%) again for this period (the history keeps the old figure)"
        ),
        (Why::BelowHalfOfLastYear(last), Lang::Vi) => format!(
            "chỉ tiêu {target}, {at}: {value} thấp hơn một nửa tỷ lệ năm trước ({}), có lẽ là mức giảm; \
             chỉ tiêu này nhập tỷ lệ (%), mức giảm được tính từ tỷ lệ năm trước",
            figure(lang, last)
        ),
        (Why::BelowHalfOfLastYear(last), Lang::En) => format!(
            "target {target}, {at}: {value} is below half of last year's rate ({}), likely the fall; \
             this target takes the rate (%), the fall is worked out from last year's",
            figure(lang, last)
        ),
        (Why::NearThePlannedFall(fall), Lang::Vi) => format!(
            "chỉ tiêu {target}, {at}: {value} không quá hai lần mức giảm kế hoạch ({} điểm) và chưa có tỷ lệ \
             năm trước, có lẽ là mức giảm; chỉ tiêu này nhập tỷ lệ (%), hãy nhập cả tỷ lệ năm trước (kỳ “{last_year}”)",
            figure(lang, fall)
        ),
        (Why::NearThePlannedFall(fall), Lang::En) => format!(
            "target {target}, {at}: {value} is at most twice the planned fall ({} points) and last year's rate \
             is not entered, likely the fall; this target takes the rate (%): enter last year's rate too \
             (period “{last_year}”)",
            figure(lang, fall)
        ),
    }
}
