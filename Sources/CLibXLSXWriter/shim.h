// Debian's libxlsxwriter-dev puts the header in /usr/include; CreditWorkbook's XLSXWriter is the
// only code that calls it.
#include <xlsxwriter.h>
