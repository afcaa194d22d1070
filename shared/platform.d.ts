// The few web APIs shared code uses, which workers and browsers both have.
declare function btoa(data: string): string;
declare function atob(data: string): string;
