import D2L
import Foundation

/// §2.2 Data preprocessing: the book's tiny house-price table, written to a CSV file, read
/// back, its missing values filled and its text column one-hot encoded, then turned into tensors.
public enum DataPreprocessing {
    /// The book's `house_tiny.csv`: number of rooms, alley type and price, with missing values.
    public static let houseTinyCSV = """
        NumRooms,Alley,Price
        NA,Pave,127500
        2,NA,106000
        4,NA,178100
        NA,NA,140000

        """

    /// Writes `house_tiny.csv` into `directory` (atomically) and returns its location.
    ///
    /// d2l: the `os.makedirs(...)` / `open(data_file, 'w')` cell of §2.2.1.
    @discardableResult
    public static func writeHouseTiny(in directory: URL = dataDirectory) throws -> URL {
        let url = directory.appendingPathComponent("house_tiny.csv")
        try writeAtomically(houseTinyCSV, to: url)
        return url
    }

    /// The three steps of §2.2 on a table with the inputs in its first two columns and the
    /// target in the third: split, fill missing numbers with the column mean, one-hot encode
    /// text with a column for "missing", and convert to tensors.
    ///
    /// d2l: `inputs.fillna(inputs.mean())`, `pd.get_dummies(inputs, dummy_na=True)`,
    /// `torch.tensor(inputs.values)` (§2.2.2–2.2.3).
    public static func prepare(_ data: DataTable) throws
        -> (filled: DataTable, encoded: DataTable, X: Tensor, y: Tensor) {
        let inputs = data.columns(0..<2), outputs = data.columns(2..<3)
        let filled = inputs.fillingMissingWithMean()
        let encoded = filled.oneHotEncoded(dummyNA: true)
        return (filled, encoded, try encoded.toTensor().float(), try outputs.toTensor().reshape(-1))
    }
}
