/// The exact files of the report of `Fixtures.run()`, reviewed by hand against the fixture.
enum ExpectedForecastFiles {
    static let forecastCSV = #"""
        workspace,month,seats,accrual,cap,usage_p10,usage_p50,usage_p90,balance_p5,balance_p10,balance_p50,balance_p90,balance_p95,balance_mean,p_cap,p_shortfall,forfeited_mean,shortfall_mean,payg_cost_mean
        Acme,2026-04,10,30000,150000,7000,10000,13000,135000,136000,140000,144000,145000,140012.3,0.0500,0.0000,0.0,0.0,0.00
        Acme,2026-05,10,30000,150000,9000,12000,15000,141000,142000,146000,150000,151000,146012.3,0.4124,0.0000,1234.6,0.0,0.00
        Beta,2026-04,5,10000,50000,11000,14000,17000,0,1000,5000,9000,10000,5012.3,0.0000,0.2500,0.0,0.0,0.00
        Beta,2026-05,5,10000,50000,13000,16000,19000,-1000,0,4000,8000,9000,4012.3,0.0000,0.6000,0.0,2500.1,87.50

        """#

    static let summaryCSV = #"""
        workspace,plan,seats,starting_balance,cap,p_any_cap,p_any_shortfall,cap_likely_by,shortfall_likely_by,expected_forfeited,expected_shortfall,expected_payg_cost
        Acme,growth,10,120000,150000,0.4300,0.0000,,,1234.6,0.0,0.00
        Beta,launch,5,6000,50000,0.0000,0.7000,,2026-05,0.0,3000.0,105.00

        """#

    static let provenanceJSON = #"""
        {
          "tool": "creditcast",
          "version": "0.1.0",
          "seed": 42,
          "trials": 3,
          "model": "bootstrap",
          "precision": null,
          "input_hash": "00ff00ff00ff00ff",
          "as_of": "2026-03",
          "horizon": 2,
          "first_month": "2026-04",
          "last_month": "2026-05",
          "pricing": "PAYG $0.035",
          "rules": "cap 5 months",
          "files": [
            "forecast.csv",
            "summary.csv"
          ]
        }

        """#

    static let reportMarkdown = #"""
        # Credit pool forecast

        2 workspaces, forecast for 2026-04 to 2026-05 (2 months after the history ending 2026-03).

        ## Assumptions

        - **Usage model:** bootstrap: each forecast month replays a whole month of the workspace's own history, drawn at random; no trend.
        - **Trials:** 3 per workspace, seed 42; the same inputs and seed give the same numbers.
        - **Horizon:** 2 months, 2026-04 to 2026-05; history as of 2026-03.
        - **Pool rules:** cap 5 months.
        - **Prices:** PAYG \$0.035.
        - **Inputs:** hash 00ff00ff00ff00ff, creditcast 0.1.0.
        - **Reading the numbers:** P10 / P50 / P90 are the levels that 10% / 50% / 90% of trials stay at or below; "likely by" is the first month by which the event has more than a 50% chance of having happened.

        ## Summary

        Most urgent first, as the watchlist ranks them: running short, then near the cap, then the rest; within each, the earlier month the event becomes likely, then the more credits at stake.

        | workspace | plan   | seats | balance now |     cap | P(shortfall) | shortfall likely by | P(cap hit) | cap likely by | expected forfeited | expected shortfall | expected PAYG cost |
        | --------- | ------ | ----: | ----------: | ------: | -----------: | ------------------- | ---------: | ------------- | -----------------: | -----------------: | -----------------: |
        | Beta      | launch |     5 |       6,000 |  50,000 |        70.0% | 2026-05             |         0% | —             |                  0 |              3,000 |           \$105.00 |
        | Acme      | growth |    10 |     120,000 | 150,000 |           0% | —                   |      43.0% | —             |              1,235 |                  0 |             \$0.00 |

        ## Workspaces

        ### Beta

        ![Forecast pool balance of Beta](charts/beta-a0b562a7.svg)

        | month   | opening P50 | accrual | usage P10 | usage P50 | usage P90 | closing P10 | closing P50 | closing P90 |    cap | P(cap hit) | P(shortfall) | forfeited | shortfall | PAYG cost |
        | ------- | ----------: | ------: | --------: | --------: | --------: | ----------: | ----------: | ----------: | -----: | ---------: | -----------: | --------: | --------: | --------: |
        | 2026-04 |       6,000 |  10,000 |    11,000 |    14,000 |    17,000 |       1,000 |       5,000 |       9,000 | 50,000 |         0% |        25.0% |         0 |         0 |    \$0.00 |
        | 2026-05 |       5,000 |  10,000 |    13,000 |    16,000 |    19,000 |           0 |       4,000 |       8,000 | 50,000 |         0% |        60.0% |         0 |     2,500 |   \$87.50 |

        ### Acme

        ![Forecast pool balance of Acme](charts/acme-84d1d48b.svg)

        | month   | opening P50 | accrual | usage P10 | usage P50 | usage P90 | closing P10 | closing P50 | closing P90 |     cap | P(cap hit) | P(shortfall) | forfeited | shortfall | PAYG cost |
        | ------- | ----------: | ------: | --------: | --------: | --------: | ----------: | ----------: | ----------: | ------: | ---------: | -----------: | --------: | --------: | --------: |
        | 2026-04 |     120,000 |  30,000 |     7,000 |    10,000 |    13,000 |     136,000 |     140,000 |     144,000 | 150,000 |       5.0% |           0% |         0 |         0 |    \$0.00 |
        | 2026-05 |     140,000 |  30,000 |     9,000 |    12,000 |    15,000 |     142,000 |     146,000 |     150,000 | 150,000 |      41.2% |           0% |     1,235 |         0 |    \$0.00 |

        ## Provenance

        ```json
        {
          "tool": "creditcast",
          "version": "0.1.0",
          "seed": 42,
          "trials": 3,
          "model": "bootstrap",
          "precision": null,
          "input_hash": "00ff00ff00ff00ff",
          "as_of": "2026-03",
          "horizon": 2,
          "first_month": "2026-04",
          "last_month": "2026-05",
          "pricing": "PAYG $0.035",
          "rules": "cap 5 months"
        }
        ```

        """#
}
