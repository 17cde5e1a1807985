/// Student's t distribution, as far as a coverage's interval needs it.
package enum StudentT {
    /// `t₀.₉₅(ν)`: the 95th percentile of Student's t with `freedom` degrees of freedom (`ν ≥ 1`),
    /// the half-width multiplier of a two-sided 90% interval. Within 10⁻⁶ of the exact value:
    /// `ν ≤ 30` from the table (the exact values rounded to six decimals), beyond it the
    /// Cornish–Fisher expansion in `1/ν` to the third order,
    /// `z + g₁/ν + g₂/ν² + g₃/ν³` with `z = Φ⁻¹(0.95)`, `g₁ = (z³ + z)/4`,
    /// `g₂ = (5z⁵ + 16z³ + 3z)/96` and `g₃ = (3z⁷ + 19z⁵ + 17z³ − 15z)/384`, whose error is below
    /// 5·10⁻⁷ from `ν = 31` on and falls as `ν⁻⁴`.
    package static func quantile95(freedom: Int) -> Double {
        precondition(freedom >= 1, "at least one degree of freedom")
        if freedom <= table.count { return table[freedom - 1] }
        let z = normalQuantile95
        let v = Double(freedom)
        let z2 = z * z
        let g1 = (z2 * z + z) / 4
        let g2 = (5 * z2 * z2 * z + 16 * z2 * z + 3 * z) / 96
        let g3 = (3 * z2 * z2 * z2 * z + 19 * z2 * z2 * z + 17 * z2 * z - 15 * z) / 384
        return z + g1 / v + g2 / (v * v) + g3 / (v * v * v)
    }

    /// `Φ⁻¹(0.95)`: the standard normal's 95th percentile, the limit as `ν` grows.
    package static let normalQuantile95 = 1.644_853_626_951_472_2

    /// `t₀.₉₅(ν)` for `ν = 1 … 30`.
    static let table: [Double] = [
        6.313752, 2.919986, 2.353363, 2.131847, 2.015048, 1.943180, 1.894579, 1.859548, 1.833113, 1.812461,
        1.795885, 1.782288, 1.770933, 1.761310, 1.753050, 1.745884, 1.739607, 1.734064, 1.729133, 1.724718,
        1.720743, 1.717144, 1.713872, 1.710882, 1.708141, 1.705618, 1.703288, 1.701131, 1.699127, 1.697261,
    ]
}
